package io.asynccrawler.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;

/** Records every leak Netty's detector reports, so a test run can fail on it instead of only logging it. */
public final class LeakRecorder extends ResourceLeakDetectorFactory {
    private static final List<String> LEAKS = new ArrayList<>();

    /** Leaks reported since the last call, cleared by this call. */
    public static synchronized List<String> drain() {
        List<String> copy = new ArrayList<>(LEAKS);
        LEAKS.clear();
        return copy;
    }

    private static synchronized void record(String leak) {
        LEAKS.add(leak);
    }

    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
        return new ResourceLeakDetector<>(resource, samplingInterval) {
            @Override
            protected boolean needReport() {
                return true;
            }

            @Override
            protected void reportTracedLeak(String resourceType, String records) {
                record("LEAK: " + resourceType + records);
                super.reportTracedLeak(resourceType, records);
            }

            @Override
            protected void reportUntracedLeak(String resourceType) {
                record("LEAK: " + resourceType + " (no records)");
                super.reportUntracedLeak(resourceType);
            }
        };
    }
}
