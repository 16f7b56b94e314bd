package dev.pyrofn.bank.account;

import dev.pyrofn.bank.common.HttpStatusException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Balances in cents. Accounts 1..{@link #SEEDED} exist from the start so load can address them by id. Every balance
 * update goes through one global monitor (the planted "synchronized balance updates").
 */
final class AccountBook {
  static final int SEEDED = 1000;
  static final int CAPACITY = 50_000;

  private final Map<Long, long[]> balances = new ConcurrentHashMap<>();
  private final Map<Long, String> owners = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  AccountBook() {
    for (int i = 0; i < SEEDED; i++) {
      open("customer-" + (i + 1), 100_000L + i * 1_000L);
    }
  }

  /** Opens an account; the oldest non-seeded account is dropped once the cap is reached. */
  long open(String owner, long initialCents) {
    long id = nextId.getAndIncrement();
    balances.put(id, new long[] {initialCents});
    owners.put(id, owner);
    long evicted = id - CAPACITY;
    if (evicted > SEEDED) {
      balances.remove(evicted);
      owners.remove(evicted);
    }
    return id;
  }

  long balance(long id) {
    long[] cell = cell(id);
    synchronized (this) {
      return cell[0];
    }
  }

  String owner(long id) {
    cell(id);
    return owners.get(id);
  }

  /** Adds (or with a negative delta withdraws) cents; refuses to overdraw. Returns the new balance. */
  synchronized long apply(long id, long deltaCents) {
    long[] cell = cell(id);
    long updated = cell[0] + deltaCents;
    if (updated < 0) {
      throw new HttpStatusException(409, "insufficient_funds", "account " + id + " has insufficient funds");
    }
    cell[0] = updated;
    return updated;
  }

  int size() {
    return balances.size();
  }

  private long[] cell(long id) {
    long[] cell = balances.get(id);
    if (cell == null) {
      throw HttpStatusException.notFound("account", String.valueOf(id));
    }
    return cell;
  }
}
