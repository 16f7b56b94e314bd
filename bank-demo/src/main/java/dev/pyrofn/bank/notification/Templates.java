package dev.pyrofn.bank.notification;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Message templates rendered with String.format and StringBuilder (the planted rendering cost). */
final class Templates {
  private static final Map<String, String> TEMPLATES = templates();

  private Templates() {
  }

  static boolean exists(String name) {
    return TEMPLATES.containsKey(name);
  }

  static String names() {
    return String.join(", ", TEMPLATES.keySet());
  }

  /** Renders the template for one recipient; the footer is rebuilt for every message on purpose. */
  static String render(String template, String recipient, int sequence) {
    String body = String.format(Locale.ROOT, TEMPLATES.get(template), recipient, sequence,
        sequence * 13.37, "ACC-" + (sequence % 1000));
    StringBuilder message = new StringBuilder();
    message.append(String.format(Locale.ROOT, "To: %s%nSubject: [%s] #%06d%n%n", recipient,
        template.toUpperCase(Locale.ROOT), sequence));
    message.append(body);
    for (int line = 0; line < 8; line++) {
      message.append(String.format(Locale.ROOT, "%n-- %s line %d of the legal footer, ref %08x", template, line,
          (recipient.hashCode() + line) & 0xffffffffL));
    }
    return message.toString();
  }

  private static Map<String, String> templates() {
    Map<String, String> templates = new TreeMap<>();
    templates.put("welcome", "Dear %1$s,%nwelcome to the bank. Your customer number is %2$d.%n"
        + "Your welcome bonus of %3$.2f EUR was credited to %4$s.%n");
    templates.put("payment", "Dear %1$s,%npayment #%2$d of %3$.2f EUR from %4$s was executed.%n");
    templates.put("alert", "Dear %1$s,%nunusual activity (case %2$d, %3$.2f EUR) was detected on %4$s.%n");
    templates.put("statement", "Dear %1$s,%nstatement %2$d for %4$s is ready; closing balance %3$.2f EUR.%n");
    return Collections.unmodifiableMap(templates);
  }
}
