package dev.pyrofn.bank.fraud;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The rule texts a naive engine keeps as strings and compiles on every use (the planted problem). */
final class FraudRules {
  static final List<String> PATTERNS = Collections.unmodifiableList(Arrays.asList(
      "(?i).*(casino|bet|lottery).*",
      "(?i).*crypto[- ]?(exchange|atm).*",
      "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$",
      "(?i).*gift\\s*card.*",
      "^(RU|KP|IR|SY)$",
      ".*([0-9])\\1{3,}.*",
      "(?i)^(wire|swift)-[a-z0-9]{6,}$",
      "(?i).*(pawn|cash\\s*advance).*",
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T0[0-4]:.*",
      "(?i).*(test|dummy|fake)[0-9]*@.*",
      "^(9{3,}|0{3,}).*",
      "(?i).*\\b(urgent|immediately)\\b.*",
      "(?i)^merchant-(0{2}|99)[0-9]{2}$",
      "^[A-Z]{3}:[0-9]+(\\.[0-9]{2})?$",
      "(?i).*(vpn|proxy|tor)-exit.*",
      "(?i)^acc-[0-9]{3}x.*",
      ".*(.)\\1{5,}.*",
      "(?i).*(refund|chargeback){2,}.*",
      "^[^@]+@(mailinator|guerrillamail)\\..*",
      "(?i).*(bitcoin|btc|eth|usdt).*"));

  private FraudRules() {
  }
}
