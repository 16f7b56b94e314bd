package dev.pyrofn.bank.payment;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The shared ledger: one monitor guards every posting and every reconciliation (the planted lock). Bounded to the
 * newest {@link #CAPACITY} entries.
 */
final class Ledger {
  static final int CAPACITY = 5_000;

  /** One posted movement: who, how much, and the SHA-256 of its canonical form. */
  static final class Entry {
    final String reference;
    final BigDecimal amount;
    final String hash;

    Entry(String reference, BigDecimal amount, String hash) {
      this.reference = reference;
      this.amount = amount;
      this.hash = hash;
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();
  private BigDecimal balance = BigDecimal.ZERO;

  synchronized void post(Entry entry) {
    entries.addLast(entry);
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
    balance = balance.add(entry.amount);
  }

  /** Copies up to {@code limit} newest entries while holding the ledger lock, which blocks postings meanwhile. */
  synchronized List<Entry> snapshot(int limit) {
    List<Entry> copy = new ArrayList<>(Math.min(limit, entries.size()));
    for (Entry entry : entries) {
      if (copy.size() == limit) {
        break;
      }
      copy.add(entry);
    }
    return copy;
  }

  synchronized BigDecimal balance() {
    return balance;
  }
}
