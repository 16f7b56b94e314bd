import java.lang.reflect.Method;
import java.util.concurrent.ThreadLocalRandom;

/** Planted problem: a method looked up by name and invoked reflectively on every call (no cached Method). */
public final class ReflectionCalls implements Harness.Workload {
  private long sink;

  public static final class Account {
    private final long balance;

    Account(long balance) {
      this.balance = balance;
    }

    public long getBalance() {
      return balance;
    }

    public String getOwner() {
      return "owner";
    }
  }

  @Override
  public void step() throws Exception {
    Account account = new Account(ThreadLocalRandom.current().nextLong(1000));
    String property = ThreadLocalRandom.current().nextBoolean() ? "getBalance" : "getOwner";
    Method getter = Account.class.getMethod(property);
    Object value = getter.invoke(account);
    sink += value.hashCode();
  }
}
