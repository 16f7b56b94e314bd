package dev.pyrofn.runtime.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.ApiException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.DecodeException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  @Test
  void transportFailuresAreTransientAndEverythingElseIsNot() {
    assertThat(FailureKind.of(new TimeoutException("deadline"))).isEqualTo(FailureKind.TIMEOUT);
    assertThat(FailureKind.of(new ConnectException("refused"))).isEqualTo(FailureKind.UNREACHABLE);
    assertThat(FailureKind.of(new ConnectTimeoutException("connect"))).isEqualTo(FailureKind.UNREACHABLE);
    assertThat(FailureKind.of(new UnknownHostException("nowhere"))).isEqualTo(FailureKind.UNREACHABLE);
    assertThat(FailureKind.of(new SocketException("reset"))).isEqualTo(FailureKind.CONNECTION_LOST);
    assertThat(FailureKind.of(new ClosedChannelException())).isEqualTo(FailureKind.CONNECTION_LOST);
    assertThat(FailureKind.of(new HttpClosedException("closed"))).isEqualTo(FailureKind.CONNECTION_LOST);
    assertThat(FailureKind.of(new VertxException("Connection was closed", true)))
        .isEqualTo(FailureKind.CONNECTION_LOST);
    assertThat(FailureKind.of(new DecodeException("not json"))).isEqualTo(FailureKind.OTHER);
    assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(FailureKind.OTHER);
    assertThat(FailureKind.of(ApiException.notFound("gone"))).isEqualTo(FailureKind.API);

    assertThat(FailureKind.TIMEOUT.isTransient()).isTrue();
    assertThat(FailureKind.UNREACHABLE.isTransient()).isTrue();
    assertThat(FailureKind.CONNECTION_LOST.isTransient()).isTrue();
    assertThat(FailureKind.OTHER.isTransient()).isFalse();
    assertThat(FailureKind.API.isTransient()).isFalse();
  }
}
