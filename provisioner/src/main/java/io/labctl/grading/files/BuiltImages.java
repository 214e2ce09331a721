package io.labctl.grading.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a submission builds: the tags its report or build scripts give ({@code docker build -t X},
 * {@code --tag X}, podman, buildah, {@code minikube image build -t X}), and the Dockerfiles themselves, whose folder
 * or name says the role ({@code master/Dockerfile}, {@code worker.Dockerfile}). An image the YAML runs that none of
 * them builds will be pulled from a registry, which is worth a warning, not a verdict: the student may have pushed it.
 */
final class BuiltImages {
    private static final Pattern BUILD = Pattern.compile(
            "(?:docker|podman|buildah|nerdctl|minikube image)\\s+(?:build|bud|buildx build)\\b[^\\n]*?(?:-t|--tag)[=\\s]+([^\\s\"'`;&|)]+)");

    private final Set<String> tags;
    private final List<String> dockerfileRoles;

    private BuiltImages(Set<String> tags, List<String> dockerfileRoles) {
        this.tags = tags;
        this.dockerfileRoles = dockerfileRoles;
    }

    static BuiltImages of(Submission submission) {
        return submission.memo(BuiltImages.class, () -> {
            Set<String> tags = new LinkedHashSet<>();
            // Only a warning rides on this: a report or script that cannot be read (refused, too large) is skipped,
            // never made the ERROR of the check that uses it.
            for (String file : submission.sha256().keySet()) {
                String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".sh") || name.equals("makefile")) {
                    try {
                        submission.text(file).ifPresent(text -> tags.addAll(tags(text)));
                    } catch (UnreadableFileException e) {
                        // skipped, see above
                    }
                }
            }
            List<String> roles = new ArrayList<>();
            try {
                Dockerfiles.of(submission).all().forEach(d -> roles.add(role(d.path())));
            } catch (UnreadableFileException e) {
                // the Dockerfile checks report it; the warning then goes by the tags alone
            }
            return new BuiltImages(tags, roles);
        });
    }

    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = BUILD.matcher(text);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    /** "master" for master/Dockerfile, master.Dockerfile or Dockerfile.master; "" for a Dockerfile at the top. */
    static String role(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String stripped = name.replace("dockerfile", "").replace(".", "").replace("-", "").replace("_", "");
        if (!stripped.isEmpty()) {
            return stripped;
        }
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        return folder.substring(folder.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** Why nothing submitted builds this image; empty when something does. */
    Optional<String> notBuilt(String image) {
        ImageRef ref = ImageRef.parse(image);
        if (tags.stream().map(ImageRef::parse).anyMatch(t -> t.repository().equals(ref.repository())
                && (t.tag() == null || t.tag().equals(ref.tag())))) {
            return Optional.empty();
        }
        String repository = ref.repository().substring(ref.repository().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (dockerfileRoles.stream().anyMatch(role -> !role.isEmpty() && repository.contains(role))) {
            return Optional.empty();
        }
        return Optional.of("no submitted Dockerfile builds it (tags built: " + (tags.isEmpty() ? "none found"
                : String.join(", ", tags)) + "), so the node pulls it from a registry");
    }
}
