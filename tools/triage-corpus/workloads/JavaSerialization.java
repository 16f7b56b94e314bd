import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Planted problem: a small object graph copied through Java serialization on every call. */
public final class JavaSerialization implements Harness.Workload {
  private long sink;

  static final class Line implements Serializable {
    private static final long serialVersionUID = 1L;
    final String sku;
    final long cents;

    Line(String sku, long cents) {
      this.sku = sku;
      this.cents = cents;
    }
  }

  static final class Order implements Serializable {
    private static final long serialVersionUID = 1L;
    final String id;
    final List<Line> lines = new ArrayList<>();

    Order(String id) {
      this.id = id;
    }
  }

  @Override
  public void step() throws Exception {
    Order order = new Order("order-1");
    for (int i = 0; i < 8; i++) {
      order.lines.add(new Line("sku-" + i, i * 100L));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(order);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      sink += ((Order) in.readObject()).lines.size();
    }
  }
}
