import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** Planted problem: every record hashed and encrypted with freshly created digest and cipher instances. */
public final class CryptoHashing implements Harness.Workload {
  private final byte[] record = new byte[2048];
  private final SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
  private long sink;

  @Override
  public void step() throws Exception {
    ThreadLocalRandom.current().nextBytes(record);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] hash = digest.digest(record);
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(new byte[16]));
    sink += cipher.doFinal(record).length + hash[0];
  }
}
