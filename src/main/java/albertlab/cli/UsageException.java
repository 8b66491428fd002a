package albertlab.cli;

/** The command line itself is wrong: exit status 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
