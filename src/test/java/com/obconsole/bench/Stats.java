package com.obconsole.bench;

import java.util.Arrays;
import java.util.Collection;

/** Median and 95th percentile (nearest rank) of timings in milliseconds. */
record Stats(int count, double median, double p95) {

	static final Stats NONE = new Stats(0, Double.NaN, Double.NaN);

	static Stats of(Collection<Double> millis) {
		if (millis.isEmpty()) {
			return NONE;
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95));
	}

	private static double percentile(double[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e6;
	}

}
