package dev.pyrofn.bor.upstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Who owns a service and how critical it is, from the Registry SOR; every field may be null. */
public final class ServiceOwner {
  private static final ServiceOwner UNREGISTERED = new ServiceOwner(null, null, null, Collections.emptyList());

  private final String teamOwner;
  private final String tier;
  private final String notificationChannel;
  private final List<String> appPackages;

  private ServiceOwner(String teamOwner, String tier, String notificationChannel, List<String> appPackages) {
    this.teamOwner = teamOwner;
    this.tier = tier;
    this.notificationChannel = notificationChannel;
    this.appPackages = appPackages;
  }

  public static ServiceOwner unregistered() {
    return UNREGISTERED;
  }

  static ServiceOwner fromJson(JsonObject row) {
    return new ServiceOwner(row.getString("teamOwner"), row.getString("tier"), row.getString("notificationChannel"),
        appPackages(row.getValue("metadata")));
  }

  /** {@code metadata.appPackages}: the strings of that array; anything else (absent, malformed) is none. */
  private static List<String> appPackages(Object metadata) {
    if (!(metadata instanceof JsonObject) || !(((JsonObject) metadata).getValue("appPackages") instanceof JsonArray)) {
      return Collections.emptyList();
    }
    List<String> prefixes = new ArrayList<>();
    for (Object value : ((JsonObject) metadata).getJsonArray("appPackages")) {
      if (value instanceof String && !((String) value).isBlank() && ((String) value).length() <= 200) {
        prefixes.add(((String) value).trim());
      }
    }
    return Collections.unmodifiableList(prefixes);
  }

  public String teamOwner() {
    return teamOwner;
  }

  public String tier() {
    return tier;
  }

  public String notificationChannel() {
    return notificationChannel;
  }

  /** The service's application package prefixes ({@code metadata.appPackages}); empty when not set. */
  public List<String> appPackages() {
    return appPackages;
  }

  public boolean isCritical() {
    return "critical".equals(tier);
  }
}
