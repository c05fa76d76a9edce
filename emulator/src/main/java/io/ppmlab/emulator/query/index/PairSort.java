package io.ppmlab.emulator.query.index;

/**
 * Sorts ids held as interleaved (most, least) pairs of longs in place, in {@link IdSet#compare} order, without a UUID
 * object per id: building the index of a 2.9 million-row table then needs 16 bytes per id and bucket, not a boxed id
 * and a list slot. Quicksort (median of three, smaller side first, so the stack stays logarithmic) with an insertion
 * sort for short runs.
 */
final class PairSort {
    private static final int SHORT = 16;

    private PairSort() {}

    /** Sorts the first {@code pairs} pairs of {@code a}. Made for distinct ids: many equal ids would make it quadratic. */
    static void sort(long[] a, int pairs) { sort(a, 0, pairs - 1); }

    private static void sort(long[] a, int lo, int hi) {
        while (hi - lo >= SHORT) {
            int p = partition(a, lo, hi);
            if (p - lo < hi - p) {
                sort(a, lo, p - 1);
                lo = p + 1;
            } else {
                sort(a, p + 1, hi);
                hi = p - 1;
            }
        }
        insertion(a, lo, hi);
    }

    /** Lomuto partition around the median of the first, middle and last pair; returns the pivot's final index. */
    private static int partition(long[] a, int lo, int hi) {
        int mid = (lo + hi) >>> 1;
        if (less(a, mid, lo)) swap(a, mid, lo);
        if (less(a, hi, lo)) swap(a, hi, lo);
        if (less(a, hi, mid)) swap(a, hi, mid);
        swap(a, mid, hi); // the median is the pivot, at hi
        int store = lo;
        for (int i = lo; i < hi; i++) {
            if (less(a, i, hi)) swap(a, i, store++);
        }
        swap(a, store, hi);
        return store;
    }

    private static void insertion(long[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            long most = a[2 * i];
            long least = a[2 * i + 1];
            int j = i - 1;
            while (j >= lo && IdSet.compare(a[2 * j], a[2 * j + 1], most, least) > 0) {
                a[2 * j + 2] = a[2 * j];
                a[2 * j + 3] = a[2 * j + 1];
                j--;
            }
            a[2 * j + 2] = most;
            a[2 * j + 3] = least;
        }
    }

    private static boolean less(long[] a, int i, int j) { return IdSet.compare(a[2 * i], a[2 * i + 1], a[2 * j], a[2 * j + 1]) < 0; }

    private static void swap(long[] a, int i, int j) {
        long most = a[2 * i];
        long least = a[2 * i + 1];
        a[2 * i] = a[2 * j];
        a[2 * i + 1] = a[2 * j + 1];
        a[2 * j] = most;
        a[2 * j + 1] = least;
    }
}
