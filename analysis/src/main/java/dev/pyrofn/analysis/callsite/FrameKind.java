package dev.pyrofn.analysis.callsite;

import java.util.Locale;

/** What a frame is, for call sites and for labelling hotspots that nobody can change in their own code. */
public enum FrameKind {
  /** The service's own code: a call site. */
  APPLICATION,
  /** JDK or a third-party library in Java: where a cost is entered from application code. */
  LIBRARY,
  /** A worker or event loop waiting for work ({@code ThreadPoolExecutor.getTask}, {@code epoll_wait}). */
  IDLE,
  /** The JVM itself: {@code libjvm.so}, C++ {@code ::} names, interpreter and compiled-code stubs. */
  JVM,
  /** Other native code ({@code libc.so.6.memset}, ...). */
  NATIVE,
  /** The operating system's kernel ({@code .pvm_irq_enable}, {@code do_syscall_64_[k]}). */
  KERNEL;

  /** Lower-case name used in JSON answers. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
