// The sandbox's chat page: talks to the stand-in's JSON endpoints under chat/ (relative to /sandbox/).
(function () {
    'use strict';

    const POLL_MS = 700;
    const REACTIONS = ['👍', '❤', '🔥'];
    const state = { people: [], current: null, version: 0, polling: null, busy: false };

    const el = (id) => document.getElementById(id);

    async function call(method, path, body) {
        const options = { method, headers: { 'Accept': 'application/json' } };
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        const response = await fetch('chat/' + path, options);
        if (!response.ok) {
            let detail = response.status + ' ' + response.statusText;
            try {
                const problem = await response.json();
                detail = problem.detail || problem.title || detail;
            } catch (ignored) { /* not JSON */ }
            throw new Error(detail);
        }
        return response.status === 202 && response.headers.get('Content-Length') === '0' ? null
            : response.json().catch(() => null);
    }

    function showError(error) {
        el('error').textContent = error ? (error.message || String(error)) : '';
    }

    async function loadPeople() {
        state.people = await call('GET', 'participants');
        renderPeople();
        if (state.current === null && state.people.length > 0) {
            // #participant=<id> opens that person's chat (a link to share, a start for browser tests)
            const wanted = /participant=(\d+)/.exec(location.hash);
            const chosen = (wanted && state.people.find((person) => String(person.id) === wanted[1]))
                || state.people.find((person) => !person.organiser) || state.people[0];
            choose(chosen.id);
        }
    }

    function renderPeople() {
        const list = el('participant-list');
        list.replaceChildren(...state.people.map((person) => {
            const item = document.createElement('li');
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'participant';
            button.dataset.participantId = person.id;
            button.dataset.organiser = person.organiser;
            button.setAttribute('aria-pressed', String(person.id === state.current));
            button.textContent = person.name + ' ';
            const role = document.createElement('span');
            role.className = 'role';
            role.textContent = (person.organiser ? 'organiser' : 'participant') + ' · ' + person.language;
            button.append(role);
            button.addEventListener('click', () => choose(person.id));
            item.append(button);
            return item;
        }));
    }

    function choose(id) {
        state.current = id;
        state.version = 0;
        const person = state.people.find((candidate) => candidate.id === id);
        el('chat').dataset.participantId = id;
        history.replaceState(null, '', '#participant=' + id);
        el('chat-title').textContent = person ? person.name + (person.organiser ? ' (organiser)' : '') : String(id);
        el('participant-language').value = person ? person.language : 'ru';
        el('messages').replaceChildren();
        el('alerts').replaceChildren();
        renderPeople();
        showError(null);
        refresh();
    }

    async function refresh() {
        if (state.current === null || state.busy) {
            return;
        }
        state.busy = true;
        const id = state.current;
        try {
            const chat = await call('GET', 'participants/' + id + '/messages?since=' + state.version);
            if (id !== state.current) {
                return;
            }
            chat.messages.forEach(renderMessage);
            chat.alerts.forEach(renderAlert);
            renderCommands(chat.commands);
            if (chat.messages.length > 0) {
                el('messages').scrollTop = el('messages').scrollHeight;
            }
            state.version = chat.version;
        } catch (error) {
            showError(error);
        } finally {
            state.busy = false;
        }
    }

    function renderMessage(message) {
        const list = el('messages');
        const existing = list.querySelector('[data-message-id="' + message.messageId + '"]');
        if (message.deleted) {
            if (existing) {
                existing.remove();
            }
            return;
        }
        const item = document.createElement('li');
        item.className = 'message';
        item.dataset.messageId = message.messageId;
        item.dataset.from = message.from;
        item.dataset.edited = message.edited;
        if (message.document) {
            const link = document.createElement('a');
            link.className = 'document-link';
            link.href = message.document.downloadUrl;
            link.download = message.document.fileName;
            link.dataset.fileId = message.document.fileId;
            link.dataset.fileName = message.document.fileName;
            link.textContent = (message.document.photo ? '🖼 ' : '📄 ') + message.document.fileName
                + ' (' + Math.max(1, Math.round(message.document.size / 1024)) + ' KB)';
            item.append(link);
        }
        if (message.text) {
            const text = document.createElement('div');
            text.className = 'message-text';
            text.textContent = message.text;
            item.append(text);
        }
        if (message.buttons.length > 0) {
            const keyboard = document.createElement('div');
            keyboard.className = 'keyboard';
            message.buttons.forEach((row) => {
                const rowElement = document.createElement('div');
                rowElement.className = 'keyboard-row';
                row.forEach((button) => rowElement.append(inlineButton(message, button)));
                keyboard.append(rowElement);
            });
            item.append(keyboard);
        }
        if (message.from === 'bot') {
            item.append(reactions(message));
        }
        const meta = document.createElement('div');
        meta.className = 'meta';
        meta.textContent = new Date(message.sentAt).toLocaleTimeString() + (message.edited ? ' · edited' : '')
            + (message.botReactions.length > 0 ? ' · bot reacted ' + message.botReactions.join(' ') : '');
        item.append(meta);
        if (existing) {
            existing.replaceWith(item);
        } else {
            list.append(item);
        }
    }

    function inlineButton(message, button) {
        if (button.url) {
            const link = document.createElement('a');
            link.className = 'inline-button';
            link.href = button.url;
            link.target = '_blank';
            link.rel = 'noopener';
            link.textContent = button.text + ' ↗';
            return link;
        }
        const element = document.createElement('button');
        element.type = 'button';
        element.className = 'inline-button';
        element.dataset.callbackData = button.callbackData;
        element.textContent = button.text;
        element.addEventListener('click', () => act(() => call('POST', 'participants/' + state.current + '/presses',
            { messageId: message.messageId, callbackData: button.callbackData })));
        return element;
    }

    function reactions(message) {
        const box = document.createElement('div');
        box.className = 'reactions';
        REACTIONS.forEach((emoji) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'reaction-button';
            button.dataset.emoji = emoji;
            button.setAttribute('aria-pressed', String(message.reaction === emoji));
            button.setAttribute('aria-label', 'React with ' + emoji);
            button.textContent = emoji;
            button.addEventListener('click', () => act(() => call('POST', 'participants/' + state.current
                + '/reactions', { messageId: message.messageId, emoji: message.reaction === emoji ? '' : emoji })));
            box.append(button);
        });
        return box;
    }

    function renderAlert(alert) {
        const box = document.createElement('div');
        box.className = 'callback-alert';
        box.dataset.callbackQueryId = alert.callbackQueryId;
        box.dataset.showAlert = alert.showAlert;
        box.setAttribute('role', alert.showAlert ? 'alertdialog' : 'status');
        box.textContent = alert.text + ' ';
        if (alert.showAlert) {
            const ok = document.createElement('button');
            ok.type = 'button';
            ok.className = 'close-alert';
            ok.textContent = 'OK';
            ok.addEventListener('click', () => box.remove());
            box.append(ok);
        } else {
            setTimeout(() => box.remove(), 4000);
        }
        el('alerts').append(box);
    }

    function renderCommands(commands) {
        el('commands').replaceChildren(...commands.map((command) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'command';
            button.dataset.command = command.command;
            button.title = command.description;
            button.textContent = '/' + command.command;
            button.addEventListener('click', () => send('/' + command.command));
            return button;
        }));
    }

    async function act(action) {
        showError(null);
        try {
            await action();
            await refresh();
        } catch (error) {
            showError(error);
        }
    }

    function send(text) {
        return act(() => call('POST', 'participants/' + state.current + '/messages', { text }));
    }

    el('composer').addEventListener('submit', (event) => {
        event.preventDefault();
        const input = el('message-input');
        const text = input.value;
        if (text.trim() === '' || state.current === null) {
            return;
        }
        input.value = '';
        send(text);
    });

    el('message-input').addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            el('composer').requestSubmit();
        }
    });

    el('switch-to-organiser').addEventListener('click', () => {
        const organiser = state.people.find((person) => person.organiser);
        if (organiser) {
            choose(organiser.id);
        }
    });

    el('participant-language').addEventListener('change', (event) => act(async () => {
        await call('PATCH', 'participants/' + state.current, { language: event.target.value });
        state.people = await call('GET', 'participants');
        renderPeople();
    }));

    el('add-participant-form').addEventListener('submit', (event) => {
        event.preventDefault();
        act(async () => {
            const added = await call('POST', 'participants', {
                firstName: el('new-participant-first-name').value,
                lastName: el('new-participant-last-name').value,
                language: el('new-participant-language').value,
            });
            el('new-participant-first-name').value = '';
            el('new-participant-last-name').value = '';
            state.people = await call('GET', 'participants');
            choose(added.id);
        });
    });

    loadPeople().catch(showError);
    state.polling = setInterval(refresh, POLL_MS);
}());
