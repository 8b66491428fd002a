package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** npm's integrity string of a file: {@code sha512-} and the base64 of its SHA-512 (W3C Subresource Integrity). */
public final class Integrity {

    private Integrity() {
    }

    public static String sha512(Path file) throws CheckpointException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputSink.INSTANCE);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
        return "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
    }

    /** Refuses a tarball that is not the published one. */
    public static void check(Path tarball, CorpusSource source) throws CheckpointException {
        String actual = sha512(tarball);
        if (!actual.equals(source.integrity())) {
            throw new CheckpointException(tarball, "integrity " + actual + " is not the published "
                    + source.integrity() + " of " + source.spec() + " (a corrupt or different tarball; fetch it again)");
        }
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
