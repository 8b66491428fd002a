package albertlab.core.model;

/** One candidate for a masked position: the piece, its id and its probability under the MLM head's softmax. */
public record TokenGuess(String token, int id, double probability) {
}
