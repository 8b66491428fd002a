package albertlab.core.config;

/**
 * A named, published architecture. {@code paperLabel} is the rounded figure the ALBERT paper prints in Table 1
 * (null where the paper has none), so a view can put it next to the exact count and explain the difference.
 */
public record Preset(String name, AlbertConfig config, String paperLabel, String source) {
}
