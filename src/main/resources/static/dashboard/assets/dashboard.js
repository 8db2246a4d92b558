// The dashboard's behaviour, loaded from a file (the Content-Security-Policy allows no inline scripts).
// Every page works without it; it adds drag and drop with a size check, and the live progress bar.
(function () {
  'use strict';

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function setUpUpload() {
    var form = document.getElementById('upload');
    if (!form) return;
    var input = document.getElementById('file');
    var zone = document.getElementById('drop-zone');
    var status = document.getElementById('file-status');
    function check() {
      var maxBytes = Number(form.dataset.maxBytes);
      var file = input.files && input.files[0];
      if (!file) {
        status.textContent = 'No file chosen.';
        input.setCustomValidity('');
        return;
      }
      if (maxBytes && file.size > maxBytes) {
        var message = 'The file ' + file.name + ' is ' + megabytes(file.size) + '; materials may be at most '
            + form.dataset.maxSize + '.';
        status.textContent = message;
        input.setCustomValidity(message);
      } else {
        status.textContent = file.name + ' (' + megabytes(file.size) + ')';
        input.setCustomValidity('');
      }
    }

    input.addEventListener('change', check);
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        check();
      }
    });
    form.addEventListener('submit', function (e) {
      check();
      if (!input.checkValidity()) {
        e.preventDefault();
        status.setAttribute('role', 'alert');
      }
    });
  }

  function setUpProgress() {
    var section = document.getElementById('progress-section');
    if (!section) return;
    var url = section.dataset.progressUrl;
    var bar = document.getElementById('progress-bar');

    function show(progress) {
      bar.value = progress.percent;
      bar.textContent = progress.percent + ' %';
      ['percent', 'status', 'sent', 'failed', 'blocked', 'total'].forEach(function (name) {
        document.getElementById(name).textContent = progress[name];
      });
    }

    function poll() {
      fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (progress) {
          show(progress);
          if (!progress.finished) {
            setTimeout(poll, 500);
          } else if (document.getElementById('cancel')) {
            document.getElementById('cancel').closest('form').remove();
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    }

    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpUpload();
    setUpProgress();
  });
})();
