package dev.pyrofn.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.callsite.FrameKind;
import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.decode.DecodedProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryHotspotsTest {
  private static ServiceProfile profile(String... lines) {
    DecodedProfile decoded = CollapsedStacks.parseWithCallSites(String.join("\n", lines), AppFrames.heuristic());
    return ServiceProfile.of(decoded.table(), decoded.callSites(), AppFrames.heuristic());
  }

  @Test
  void librariesRankAtTheirEntryFrameAndNonActionableFramesAreLabelled() {
    Map<String, ServiceProfile> services = new LinkedHashMap<>();
    services.put("payments", profile(
        "java/lang/Thread.run;com/acme/pay/Signer.sign;java/security/MessageDigest.digest;"
            + "sun/security/provider/DigestBase.engineDigest;.sha256_implCompressMB 40",
        "java/lang/Thread.run;com/acme/pay/Ledger.post;libc.so.6.memset 15",
        ".pvm_irq_enable 25",
        "java/lang/Thread.run;com/acme/pay/Ledger.post 20"));
    services.put("orders", profile(
        "java/lang/Thread.run;com/acme/order/Checksum.of;java/security/MessageDigest.digest;.sha256_implCompressMB 10",
        "java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor.getTask;libc.so.6.__futex_wait 90"));

    EntryHotspots.Report report = EntryHotspots.rank(services, 10, 1.0);

    Hotspot digest = report.hotspots().get(0);
    assertThat(digest.function()).isEqualTo("java/security/MessageDigest.digest");
    assertThat(digest.measure()).isEqualTo("entry");
    assertThat(digest.kind()).isEqualTo(FrameKind.LIBRARY);
    assertThat(digest.serviceCount()).isEqualTo(2);
    assertThat(digest.maxPercent()).isEqualTo(40.0);
    assertThat(digest.maxSelfPercent()).isZero();
    assertThat(digest.services().get(0).callSites()).extracting(CallSite::function)
        .containsExactly("com/acme/pay/Signer.sign");
    assertThat(report.hotspots()).extracting(Hotspot::function)
        .doesNotContain(".sha256_implCompressMB", ".pvm_irq_enable", "libc.so.6.memset");
    assertThat(report.hotspots()).extracting(Hotspot::function).contains("com/acme/pay/Ledger.post");
    assertThat(report.labelled()).extracting(Hotspot::function, Hotspot::kind).contains(
        org.assertj.core.groups.Tuple.tuple(".sha256_implCompressMB", FrameKind.JVM),
        org.assertj.core.groups.Tuple.tuple(".pvm_irq_enable", FrameKind.KERNEL),
        org.assertj.core.groups.Tuple.tuple("libc.so.6.memset", FrameKind.NATIVE),
        org.assertj.core.groups.Tuple.tuple("libc.so.6.__futex_wait", FrameKind.IDLE));
  }

  @Test
  void aServiceWithoutStacksIsRankedBySelfWithTheSameLabels() {
    Map<String, ServiceProfile> services = Map.of("legacy", ServiceProfile.tableOnly(
        CollapsedStacks.parse("com/acme/A.run;java/lang/String.format 30\n.pvm_irq_enable 70")));

    EntryHotspots.Report report = EntryHotspots.rank(services, 5, 0);

    assertThat(report.hotspots()).extracting(Hotspot::function).containsExactly("java/lang/String.format");
    assertThat(report.hotspots().get(0).measure()).isEqualTo("self");
    assertThat(report.labelled()).extracting(Hotspot::function).containsExactly(".pvm_irq_enable");
    assertThatThrownBy(() -> EntryHotspots.rank(services, 0, 0)).hasMessageContaining("limit");
  }
}
