package io.ppmlab.harness.crash;

import java.util.List;

/**
 * What the client saw in one round before and at the kill.
 *
 * @param sent               saves whose request was started before the kill
 * @param acknowledged       saves answered 200 (always the first ones: they are sent one after another)
 * @param replies            the JSON bodies of those 200s
 * @param ackMillis          round trip of each acknowledged save
 * @param killOffsetMillis   when the kill came, after the first timed save was sent (see {@link SaveSender})
 * @param inFlight           index of the save under way at the kill (sent, not answered), or -1 if none was
 * @param inFlightElapsedMillis how long that save had been under way, or -1
 * @param refusal            a save answered other than 200 (the round is then a failure), or null
 * @param exitStatus         the killed process's exit status ({@link ChildEmulator#KILLED_BY_SIGKILL} when SIGKILL ended it)
 */
record SaveWindow(int sent, int acknowledged, List<String> replies, List<Long> ackMillis, long killOffsetMillis, int inFlight,
                  long inFlightElapsedMillis, String refusal, int exitStatus) {
    SaveWindow {
        replies = List.copyOf(replies);
        ackMillis = List.copyOf(ackMillis);
    }
}
