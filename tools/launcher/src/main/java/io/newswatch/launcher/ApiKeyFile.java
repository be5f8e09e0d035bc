package io.newswatch.launcher;

import io.newswatch.stack.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key that {@code ./newswatch up} gives the services: 24 random bytes, created on first start in a file
 * that is rw------- from the moment it exists (never created open and closed afterwards).
 */
final class ApiKeyFile {

    private ApiKeyFile() {
    }

    /** The key in the file, created first if there is none. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                try {
                    PrivateFiles.createSecret(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
                } catch (FileAlreadyExistsException e) {
                    // another launcher created it meanwhile: use that one
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API key to " + file, e);
        }
    }
}
