package io.ppmlab.harness.crash;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends one round's saves back to back on its own thread while the caller waits for the kill moment, so the kill
 * lands wherever the server happens to be: reading a body, checking rows, writing the journal, applying, replying.
 * The bodies are built before the first is sent, so the client adds no gaps between saves.
 *
 * <p>The first {@code untimed} saves are answered before the kill clock starts: a restarted process's first save runs
 * in a cold JVM and takes anything from a fraction to several times a warm one under load, which no estimate of the
 * window can follow; and it gives every round an acknowledged save to find whole after the kill.
 */
final class SaveSender {
    private final WebApiClient client;
    private final String token;
    private final List<String> bodies;
    private final int untimed;
    private final long[] started;
    private final long[] answered;
    private final String[] replies;
    private final CountDownLatch clockStarted = new CountDownLatch(1);
    private volatile long clockNanos;
    private volatile int acknowledged;
    private volatile String refusal;

    SaveSender(WebApiClient client, String token, List<String> bodies, int untimed) {
        if (untimed < 0 || untimed >= bodies.size()) throw new IllegalArgumentException("untimed must leave saves to time");
        this.client = client;
        this.token = token;
        this.bodies = List.copyOf(bodies);
        this.untimed = untimed;
        this.started = new long[bodies.size()];
        this.answered = new long[bodies.size()];
        this.replies = new String[bodies.size()];
    }

    /**
     * Sends the saves and kills the emulator {@code killOffsetMillis} after the first timed save was sent (or as soon
     * as the last is answered, if that is earlier: nothing would then be under way either way).
     *
     * @return what the client saw, and how the process ended
     */
    SaveWindow runAndKill(ChildEmulator child, long killOffsetMillis) throws InterruptedException {
        Thread sender = new Thread(this::sendAll, "crash-saves");
        sender.start();
        if (!clockStarted.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("the untimed saves were not answered within 10 minutes");
        long clock = clockNanos == 0 ? System.nanoTime() : clockNanos; // 0: the sender stopped before the timed saves
        long wait = TimeUnit.NANOSECONDS.toMillis(clock + killOffsetMillis * 1_000_000 - System.nanoTime());
        if (wait > 0) sender.join(wait);
        long killNanos = System.nanoTime();
        int exitStatus = child.kill();
        sender.join(120_000);
        if (sender.isAlive()) {
            sender.interrupt();
            throw new IllegalStateException("the save thread did not end after the kill");
        }
        // join gives the arrays' writes to this thread
        int sent = 0;
        for (long s : started) if (s != 0 && s < killNanos) sent++;
        int acked = acknowledged;
        List<String> ackReplies = new ArrayList<>();
        List<Long> ackMillis = new ArrayList<>();
        for (int i = 0; i < acked; i++) {
            ackReplies.add(replies[i]);
            ackMillis.add((answered[i] - started[i]) / 1_000_000);
        }
        boolean underWay = refusal == null && acked < sent;
        return new SaveWindow(sent, acked, ackReplies, ackMillis, (killNanos - clock) / 1_000_000, underWay ? acked : -1,
                underWay ? (killNanos - started[acked]) / 1_000_000 : -1, refusal, exitStatus);
    }

    private void sendAll() {
        try {
            for (int i = 0; i < bodies.size(); i++) {
                started[i] = System.nanoTime();
                if (i == untimed) {
                    clockNanos = started[i];
                    clockStarted.countDown();
                }
                WebApiClient.Reply r;
                try {
                    r = client.post(token, "sensei_SaveResourcePlan", bodies.get(i));
                } catch (IOException e) {
                    return; // the emulator was killed under the request (or before it was sent)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                answered[i] = System.nanoTime();
                if (r.status() != 200) {
                    refusal = "save " + (i + 1) + " of the round answered " + r.status() + ": " + WebApiClient.abbreviate(r.body());
                    return;
                }
                replies[i] = r.body();
                acknowledged = i + 1;
            }
        } finally {
            clockStarted.countDown(); // never leave the caller waiting for a clock that will not start
        }
    }
}
