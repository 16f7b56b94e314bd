package dev.pyrofn.bor.upstream;

import io.vertx.core.json.JsonObject;

/** Who owns a service and how critical it is, from the Registry SOR; every field may be null. */
public final class ServiceOwner {
  private static final ServiceOwner UNREGISTERED = new ServiceOwner(null, null, null);

  private final String teamOwner;
  private final String tier;
  private final String notificationChannel;

  private ServiceOwner(String teamOwner, String tier, String notificationChannel) {
    this.teamOwner = teamOwner;
    this.tier = tier;
    this.notificationChannel = notificationChannel;
  }

  public static ServiceOwner unregistered() {
    return UNREGISTERED;
  }

  static ServiceOwner fromJson(JsonObject row) {
    return new ServiceOwner(row.getString("teamOwner"), row.getString("tier"), row.getString("notificationChannel"));
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

  public boolean isCritical() {
    return "critical".equals(tier);
  }
}
