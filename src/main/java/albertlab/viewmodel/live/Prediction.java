package albertlab.viewmodel.live;

/** One guess of the MLM head for the masked position: the piece, its id and its softmax probability. */
public record Prediction(String token, int id, double probability) {
}
