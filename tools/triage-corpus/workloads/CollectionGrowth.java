import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Planted problem: collections built from empty on every call and grown element by element. */
public final class CollectionGrowth implements Harness.Workload {
  private static final String[] KEYS = new String[4096];
  private long sink;

  static {
    for (int i = 0; i < KEYS.length; i++) {
      KEYS[i] = "key-" + i;
    }
  }

  @Override
  public void step() {
    List<String> list = new ArrayList<>();
    Map<String, String> index = new HashMap<>();
    for (String key : KEYS) {
      list.add(key);
      index.put(key, key);
    }
    sink += list.size() + index.size();
  }
}
