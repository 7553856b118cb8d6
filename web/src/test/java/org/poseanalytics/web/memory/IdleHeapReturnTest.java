package org.poseanalytics.web.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The flags set where they are the JVM's defaults, in an order the JVM accepts, and one given on the command line left as
 * given. Against a stand-in of the JVM's management interface that checks as the JVM does (a maximum free ratio below
 * the minimum is refused), so the test JVM's own flags are not changed under the other tests.
 */
class IdleHeapReturnTest {

    @Test
    void setsTheDefaultFlagsInAnOrderTheJvmAccepts() {
        assertThat(ManagementFactory.getGarbageCollectorMXBeans()).anyMatch(b -> b.getName().startsWith("G1"));
        Flags vm = new Flags(VMOption.Origin.DEFAULT);
        assertThat(IdleHeapReturn.apply(vm)).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=60000");
        assertThat(vm.value("MinHeapFreeRatio")).isEqualTo(10);
        assertThat(vm.value("MaxHeapFreeRatio")).isEqualTo(30);
        assertThat(vm.value("G1PeriodicGCInterval")).isEqualTo(60_000);
    }

    @Test
    void leavesAFlagGivenOnTheCommandLine() {
        Flags vm = new Flags(VMOption.Origin.DEFAULT);
        vm.options.put("MaxHeapFreeRatio", new VMOption("MaxHeapFreeRatio", "50", true, VMOption.Origin.VM_CREATION));
        assertThat(IdleHeapReturn.apply(vm)).containsExactly("MinHeapFreeRatio=10", "G1PeriodicGCInterval=60000");
        assertThat(vm.value("MaxHeapFreeRatio")).isEqualTo(50);
    }

    /** The three flags at the JVM's defaults (40, 70, 0), refusing what the JVM refuses. */
    private static final class Flags implements HotSpotDiagnosticMXBean {
        final Map<String, VMOption> options = new HashMap<>();

        Flags(VMOption.Origin origin) {
            options.put("MinHeapFreeRatio", new VMOption("MinHeapFreeRatio", "40", true, origin));
            options.put("MaxHeapFreeRatio", new VMOption("MaxHeapFreeRatio", "70", true, origin));
            options.put("G1PeriodicGCInterval", new VMOption("G1PeriodicGCInterval", "0", true, origin));
        }

        long value(String name) { return Long.parseLong(options.get(name).getValue()); }

        @Override public VMOption getVMOption(String name) { return options.get(name); }

        @Override
        public void setVMOption(String name, String value) {
            long v = Long.parseLong(value);
            if (name.equals("MaxHeapFreeRatio") && v < value("MinHeapFreeRatio")
                    || name.equals("MinHeapFreeRatio") && v > value("MaxHeapFreeRatio")) {
                throw new IllegalArgumentException("MinHeapFreeRatio must be less than or equal to MaxHeapFreeRatio");
            }
            options.put(name, new VMOption(name, value, true, VMOption.Origin.MANAGEMENT));
        }

        @Override public List<VMOption> getDiagnosticOptions() { return List.copyOf(options.values()); }

        @Override public void dumpHeap(String file, boolean live) { throw new UnsupportedOperationException(); }

        @Override public ObjectName getObjectName() { return null; }
    }
}
