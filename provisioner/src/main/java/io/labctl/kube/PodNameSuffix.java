package io.labctl.kube;

import java.security.SecureRandom;

/**
 * The random tail of a pod labctl names itself (spark-a-job-x7k2q), from the alphabet Kubernetes' own generated
 * names use: no vowels, so no words, and no 0/1/3 that read as letters.
 */
public final class PodNameSuffix {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PodNameSuffix() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
