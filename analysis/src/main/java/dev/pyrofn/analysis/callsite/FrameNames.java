package dev.pyrofn.analysis.callsite;

import java.util.regex.Pattern;

/** Name forms shared by the classifier: dots for slashes, library prefix removed. */
final class FrameNames {
  private static final Pattern LIBRARY_PREFIX = Pattern.compile("^[A-Za-z0-9_+\\-]+\\.so(\\.[0-9]+)*[.`]");

  private FrameNames() {
  }

  static String dotted(String frame) {
    return frame.replace('/', '.');
  }

  static String withoutLibrary(String frame) {
    return LIBRARY_PREFIX.matcher(frame).replaceFirst("");
  }
}
