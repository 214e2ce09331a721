package io.labctl.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * "Every field of the expected object is in the actual one, with the same value." Server objects
 * gain defaults and status; what labctl printed must still be all there, unchanged.
 */
public final class JsonSubset {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSubset() {
    }

    /** The paths where {@code actual} differs from {@code expected} (empty when expected is a subset). */
    public static List<String> differences(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        compare("", JSON.valueToTree(expected), JSON.valueToTree(actual), out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + ": expected an object, found " + actual);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path + "." + field.getKey(), field.getValue(),
                        actual.has(field.getKey()) ? actual.get(field.getKey()) : JSON.missingNode(), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path + ": expected " + expected.size() + " elements, found " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual) && !sameNumber(expected, actual)) {
            out.add(path + ": expected " + expected + ", found " + actual);
        }
    }

    /** 185 as int (what labctl built) and 185 as long (what the server returned) are the same value; so is "185". */
    private static boolean sameNumber(JsonNode expected, JsonNode actual) {
        if (!expected.isNumber()) {
            return false;
        }
        if (actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return actual.isTextual() && expected.asText().equals(actual.asText());
    }
}
