package org.apache.spark.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Estimates pi by throwing random darts at the unit square, on the cluster. Written for labctl's test
 * bed image, which has no Spark examples jar: it takes the same argument (number of slices) and
 * prints the same "Pi is roughly ..." line as Spark's own JavaSparkPi, so `labctl spark run NAME pi`
 * works the same on the test bed image and on images built from the Apache Spark distribution.
 */
public final class JavaSparkPi {
    private static final int DARTS_PER_SLICE = 100_000;

    private JavaSparkPi() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("JavaSparkPi").getOrCreate();
        try {
            JavaSparkContext sc = new JavaSparkContext(spark.sparkContext());
            int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
            List<Integer> seeds = new ArrayList<>();
            for (int i = 0; i < slices; i++) {
                seeds.add(i);
            }
            long inside = sc.parallelize(seeds, slices).map(JavaSparkPi::dartsInside).reduce(Long::sum);
            double pi = 4.0 * inside / ((long) slices * DARTS_PER_SLICE);
            System.out.println("Pi is roughly " + pi);
        } finally {
            spark.stop();
        }
    }

    private static long dartsInside(int seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 7919L + 17);
        long inside = 0;
        for (int i = 0; i < DARTS_PER_SLICE; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            if (x * x + y * y <= 1) {
                inside++;
            }
        }
        return inside;
    }
}
