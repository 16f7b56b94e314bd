package dev.pyrofn.bor.upstream;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallerEdge;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.MatchMode;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.runtime.client.ClientOptions;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The BOR's client asks the real Profile Data SOR for a filtered profile (v2), over HTTP, against a stub Pyroscope. */
class ProfileDataFilterTest {
  private static final TimeWindow WINDOW = TimeWindow.of(1_748_700_000_000L, 1_748_703_600_000L);
  private static final String COMPILE = "java/util/regex/Pattern.compile";
  private static final String MATCHER = "java/util/regex/Pattern.matcher";
  private static final String HANDLER = "com/acme/Signup.handle";
  /** Total 1000; the regex functions rank 4th and 5th by self, below the 3 rows this client asks for. */
  private static final Map<String, Long> STACKS = Map.of(
      "main;" + HANDLER + ";com/acme/Work.step", 400L,
      "main;" + HANDLER + ";java/util/HashMap.resize", 300L,
      "main;" + HANDLER + ";com/acme/Other.run", 200L,
      "main;" + HANDLER + ";" + COMPILE, 80L,
      "main;" + HANDLER + ";" + MATCHER, 20L);

  @RegisterExtension
  static final BorStack STACK = new BorStack();

  private Vertx vertx;
  private ProfileData profileData;

  @BeforeEach
  void connect() {
    STACK.pyroscope().profile("checkout", CPU, STACKS);
    vertx = Vertx.vertx();
    FunctionClient client = FunctionClient.create(vertx, "Profile Data SOR", STACK.profileDataUrl(),
        ClientOptions.fromEnv(Env.of(Map.of())));
    profileData = new ProfileData(client, 3);
  }

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  void aFilteredFanOutItemGetsTheMatchingRowsOfTheWholeProfile() {
    ProfileTable whole = await(profileData.profileInFanOut("checkout", ProfileType.CPU, WINDOW, deadline(), null));
    // Substring search would find nothing for this text: only a regex match sent as such finds both.
    FunctionMatcher regex = FunctionMatcher.create("Pattern\\.(compile|matcher)$", MatchMode.REGEX);

    ProfileTable filtered = await(profileData.matchingProfileInFanOut("checkout", ProfileType.CPU, WINDOW,
        deadline(), null, regex));

    assertThat(names(whole.table().functions()))
        .containsExactly("com/acme/Work.step", "java/util/HashMap.resize", "com/acme/Other.run");
    assertThat(whole.matchingFunctions()).isEmpty();
    assertThat(names(filtered.table().functions())).containsExactly(COMPILE, MATCHER);
    assertThat(filtered.table().total()).isEqualTo(1000L);
    assertThat(filtered.table().find(COMPILE).orElseThrow().selfPercent()).isCloseTo(8.0, within(1e-9));
    assertThat(filtered.matchingFunctions()).hasValue(2);
  }

  @Test
  void theRowCapAndTheCallSitesFollowTheFilter() {
    FunctionMatcher substring = FunctionMatcher.create("java.util.regex.Pattern", MatchMode.SUBSTRING);

    ProfileTable filtered = await(profileData.matchingProfileInFanOut("checkout", ProfileType.CPU, WINDOW,
        deadline(), AppFrames.parse("com/acme/"), substring));

    assertThat(names(filtered.table().functions())).containsExactly(COMPILE, MATCHER);
    assertThat(filtered.callSites().edges().stream().map(CallerEdge::function).distinct())
        .containsExactlyInAnyOrder(COMPILE, MATCHER);
    assertThat(filtered.callSites().edges().stream().map(CallerEdge::caller).distinct()).containsExactly(HANDLER);
  }

  private static long deadline() {
    return System.currentTimeMillis() + 5_000;
  }

  private static List<String> names(List<FunctionStat> rows) {
    return rows.stream().map(FunctionStat::name).collect(Collectors.toList());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
