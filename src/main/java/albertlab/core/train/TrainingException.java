package albertlab.core.train;

/** A run that cannot go on, in words for the user (a NaN loss, a model that does not fit in memory). */
public class TrainingException extends Exception {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
