package org.poseanalytics.tracking.identity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Minimum-cost one-to-one assignment (Hungarian / Kuhn–Munkres, from JGraphT). JGraphT wants a perfect
 * matching on a complete bipartite graph with equal sides, so the matrix is padded with dummy rows or columns
 * and pairs above {@code maxCost} get a prohibitive weight; both are dropped from the answer.
 */
public final class Assignment {
    private static final double FORBIDDEN = 1e6;

    private Assignment() {}

    /**
     * @param cost    [row][col] costs, all rows the same length
     * @param maxCost pairs costing more than this are never matched
     * @return for each row the matched column, or -1
     */
    public static int[] solve(double[][] cost, double maxCost) {
        int rows = cost.length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0) return result;
        int cols = cost[0].length;
        for (double[] r : cost) if (r.length != cols) throw new IllegalArgumentException("cost matrix rows differ in length");
        if (cols == 0) return result;
        int n = Math.max(rows, cols);
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> left = new HashSet<>();
        Set<Integer> right = new HashSet<>();
        for (int i = 0; i < n; i++) { g.addVertex(i); left.add(i); }
        for (int j = 0; j < n; j++) { g.addVertex(n + j); right.add(n + j); }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double w;
                if (i >= rows || j >= cols) w = FORBIDDEN / 2; // dummy: cheaper than a forbidden pair, dearer than any real one
                else {
                    double c = cost[i][j];
                    if (Double.isNaN(c)) throw new IllegalArgumentException("cost matrix holds NaN at [" + i + "][" + j + "]");
                    w = c > maxCost ? FORBIDDEN : c;
                }
                g.setEdgeWeight(g.addEdge(i, n + j), w);
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> m =
                new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(g, left, right).getMatching();
        for (DefaultWeightedEdge e : m.getEdges()) {
            int a = g.getEdgeSource(e);
            int b = g.getEdgeTarget(e);
            int row = Math.min(a, b);
            int col = Math.max(a, b) - n;
            if (row < rows && col < cols && cost[row][col] <= maxCost) result[row] = col;
        }
        return result;
    }
}
