package ru.eventbot.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people of the sandbox, kept in {@code EVENTBOT_DATA_DIR/sandbox/participants.json}: an organiser (whose id is
 * among the organiser ids in sandbox mode) and a few participants from the story, to which visitors add their own.
 */
final class SimulatedUsers {

    static final int MAX_USERS = 200;
    private static final long FIRST_PARTICIPANT_ID = 100_000_002L;

    private final Path file;
    private final ObjectMapper mapper;
    private final Map<Long, SimulatedUser> users = new LinkedHashMap<>();

    SimulatedUsers(Path file, ObjectMapper mapper, long organiserId) {
        this.file = file;
        this.mapper = mapper;
        if (Files.exists(file)) {
            try {
                for (var user : mapper.readValue(file.toFile(), new TypeReference<List<SimulatedUser>>() { })) {
                    users.put(user.id(), user);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sandbox's participants " + file, e);
            }
        }
        if (!users.containsKey(organiserId)) {
            users.put(organiserId, new SimulatedUser(organiserId, "Организатор", "МФЦ", "mfc_organiser", "ru", true,
                    false));
        }
        if (users.size() == 1) {
            add("Александр", "Духанин", "ru");
            add("Ксения", "Садовская", "ru");
            add("Emily", "Clarke", "en");
        }
        save();
    }

    synchronized List<SimulatedUser> all() {
        return List.copyOf(users.values());
    }

    synchronized Optional<SimulatedUser> find(long id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized SimulatedUser add(String firstName, String lastName, String languageCode) {
        if (users.size() >= MAX_USERS) {
            throw new IllegalStateException("The sandbox has " + MAX_USERS + " people already");
        }
        var id = users.keySet().stream().filter(existing -> existing >= FIRST_PARTICIPANT_ID)
                .mapToLong(Long::longValue).max().orElse(FIRST_PARTICIPANT_ID - 1) + 1;
        var user = new SimulatedUser(id, firstName, lastName, null, languageCode, false, false);
        users.put(id, user);
        save();
        return user;
    }

    synchronized SimulatedUser update(SimulatedUser user) {
        if (!user.equals(users.put(user.id(), user))) {
            save();
        }
        return user;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new ArrayList<>(users.values()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox's participants " + file, e);
        }
    }
}
