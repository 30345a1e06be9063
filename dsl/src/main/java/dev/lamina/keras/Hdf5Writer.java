package dev.lamina.keras;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HDF5 writer for the subset Keras files use: nested groups, contiguous little-endian
 * float32 (or float64) datasets, and attributes that are variable-length strings (scalar or 1-D,
 * ASCII or UTF-8, as h5py writes Python {@code str} and {@code bytes}) or empty float64 arrays (what
 * Keras's legacy writer stores for a layer without weights).
 *
 * <p>File layout (HDF5 file format specification 3.0): a version 2 superblock; one global heap
 * collection holding every string; then each object after its children: raw data, then a version 2
 * object header ({@code OHDR}, Jenkins lookup3 checksum). Groups are "new style" compact groups: a
 * Link Info message, a Group Info message and one hard Link message per child, so no B-trees or
 * local heaps are needed. Datasets carry Dataspace (v2), Datatype, Fill Value (v3) and contiguous
 * Data Layout (v3) messages. Children keep insertion order. Written in memory: Keras files are small
 * and the bytes go straight into a zip entry.
 *
 * <p>Why not jhdf's writer: up to 0.13.0 it corrupts a file whose group holds a dataset followed by
 * a sibling group (Keras's layout) and writes fixed-length ASCII strings where Keras writes
 * variable-length UTF-8.
 */
public final class Hdf5Writer {
  private static final long UNDEFINED = -1L;
  private static final int SUPERBLOCK_SIZE = 48;
  private static final int HEAP_MIN_SIZE = 4096;
  private static final int MSG_DATASPACE = 0x01;
  private static final int MSG_LINK_INFO = 0x02;
  private static final int MSG_DATATYPE = 0x03;
  private static final int MSG_FILL_VALUE = 0x05;
  private static final int MSG_LINK = 0x06;
  private static final int MSG_LAYOUT = 0x08;
  private static final int MSG_GROUP_INFO = 0x0A;
  private static final int MSG_ATTRIBUTE = 0x0C;

  private final Group root = new Group("/");

  /** The root group. */
  public Group root() {
    return root;
  }

  /** A node of the file. */
  public abstract static sealed class Node permits Group, Dataset {
    final String name;
    final List<Attribute> attributes = new ArrayList<>();
    long address;

    Node(String name) {
      this.name = name;
    }

    /** Adds a scalar variable-length string attribute ({@code utf8} false writes h5py's ASCII cset). */
    public Node stringAttribute(String key, String value, boolean utf8) {
      attributes.add(new Attribute(key, new String[] {value}, true, utf8, null));
      return this;
    }

    /** Adds a 1-D variable-length string array attribute; empty arrays become Keras's empty float64 array. */
    public Node stringArrayAttribute(String key, List<String> values, boolean utf8) {
      attributes.add(values.isEmpty() ? new Attribute(key, null, false, false, new double[0])
          : new Attribute(key, values.toArray(new String[0]), false, utf8, null));
      return this;
    }
  }

  /** A group: ordered children and attributes. */
  public static final class Group extends Node {
    final Map<String, Node> children = new LinkedHashMap<>();

    Group(String name) {
      super(name);
    }

    /** The child group {@code name}, created on first use. */
    public Group group(String name) {
      Node n = children.computeIfAbsent(checkName(name), Group::new);
      if (!(n instanceof Group g)) {
        throw new IllegalArgumentException(name + " is a dataset, not a group");
      }
      return g;
    }

    /** Adds a float32 dataset of {@code shape} (row-major values). */
    public Dataset floatDataset(String name, long[] shape, float[] values) {
      return add(new Dataset(checkName(name), shape, values, null));
    }

    /** Adds a float64 dataset of {@code shape} (row-major values). */
    public Dataset doubleDataset(String name, long[] shape, double[] values) {
      return add(new Dataset(checkName(name), shape, null, values));
    }

    private Dataset add(Dataset d) {
      if (children.putIfAbsent(d.name, d) != null) {
        throw new IllegalArgumentException("duplicate child " + d.name);
      }
      return d;
    }

    private static String checkName(String name) {
      if (name.isEmpty() || name.contains("/") || name.equals(".")) {
        throw new IllegalArgumentException("bad HDF5 link name '" + name + "'");
      }
      return name;
    }
  }

  /** A contiguous float dataset. */
  public static final class Dataset extends Node {
    final long[] shape;
    final float[] floats;
    final double[] doubles;

    Dataset(String name, long[] shape, float[] floats, double[] doubles) {
      super(name);
      long n = 1;
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
      int len = floats != null ? floats.length : doubles.length;
      if (n != len) {
        throw new IllegalArgumentException("dataset " + name + " has " + len + " values for shape of " + n);
      }
      this.shape = shape.clone();
      this.floats = floats;
      this.doubles = doubles;
    }
  }

  record Attribute(String name, String[] strings, boolean scalar, boolean utf8, double[] emptyDoubles) {}

  /** The file's bytes. */
  public byte[] toBytes() {
    Out out = new Out();
    out.skip(SUPERBLOCK_SIZE);
    Map<Attribute, Integer> firstHeapIndex = new java.util.IdentityHashMap<>();
    List<byte[]> heapObjects = new ArrayList<>();
    collectStrings(root, firstHeapIndex, heapObjects);
    long heapAddress = heapObjects.isEmpty() ? UNDEFINED : writeHeap(out, heapObjects);
    write(root, out, heapAddress, firstHeapIndex);
    byte[] file = out.toByteArray();
    ByteBuffer sb = ByteBuffer.wrap(file, 0, SUPERBLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    sb.put(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
    sb.put((byte) 2).put((byte) 8).put((byte) 8).put((byte) 0);
    sb.putLong(0).putLong(UNDEFINED).putLong(file.length).putLong(root.address);
    sb.putInt(Hdf5Checksum.lookup3(file, 0, SUPERBLOCK_SIZE - 4));
    return file;
  }

  private static void collectStrings(Node n, Map<Attribute, Integer> index, List<byte[]> objects) {
    for (Attribute a : n.attributes) {
      if (a.strings() != null) {
        index.put(a, objects.size() + 1);
        for (String s : a.strings()) {
          objects.add(s.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    if (n instanceof Group g) {
      for (Node c : g.children.values()) {
        collectStrings(c, index, objects);
      }
    }
  }

  /** One global heap collection ("GCOL", version 1) with every string, objects numbered from 1. */
  private static long writeHeap(Out out, List<byte[]> objects) {
    if (objects.size() > 0xFFFF) {
      throw new IllegalArgumentException("too many strings for one global heap collection");
    }
    long used = 16;
    for (byte[] o : objects) {
      used += 16 + align8(o.length);
    }
    long size = Math.max(HEAP_MIN_SIZE, used + 16);
    long address = out.position();
    Out h = new Out();
    h.bytes("GCOL".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(0).u8(0).u8(0).u64(size);
    for (int i = 0; i < objects.size(); i++) {
      byte[] o = objects.get(i);
      h.u16(i + 1).u16(0).u32(0).u64(o.length).bytes(o).skip((int) (align8(o.length) - o.length));
    }
    long free = size - used;
    h.u16(0).u16(0).u32(0).u64(free).skip((int) (free - 16));
    out.bytes(h.toByteArray());
    return address;
  }

  private void write(Node n, Out out, long heap, Map<Attribute, Integer> heapIndex) {
    Out msgs = new Out();
    if (n instanceof Group g) {
      for (Node c : g.children.values()) {
        write(c, out, heap, heapIndex);
      }
      message(msgs, MSG_LINK_INFO, new Out().u8(0).u8(0).u64(UNDEFINED).u64(UNDEFINED));
      message(msgs, MSG_GROUP_INFO, new Out().u8(0).u8(0));
      for (Node c : g.children.values()) {
        message(msgs, MSG_LINK, link(c));
      }
    } else {
      Dataset d = (Dataset) n;
      long dataAddress = UNDEFINED;
      long dataSize = (long) (d.floats != null ? d.floats.length * 4L : d.doubles.length * 8L);
      if (dataSize > 0) {
        dataAddress = out.position();
        if (d.floats != null) {
          for (float f : d.floats) {
            out.u32(Float.floatToRawIntBits(f));
          }
        } else {
          for (double v : d.doubles) {
            out.u64(Double.doubleToRawLongBits(v));
          }
        }
      }
      message(msgs, MSG_DATASPACE, dataspace(d.shape, d.shape.length == 0));
      message(msgs, MSG_DATATYPE, d.floats != null ? float32() : float64());
      message(msgs, MSG_FILL_VALUE, new Out().u8(3).u8(0x0A));
      message(msgs, MSG_LAYOUT, new Out().u8(3).u8(1).u64(dataAddress).u64(dataSize));
    }
    for (Attribute a : n.attributes) {
      message(msgs, MSG_ATTRIBUTE, attribute(a, heap, heapIndex.getOrDefault(a, 0)));
    }
    byte[] body = msgs.toByteArray();
    Out h = new Out();
    h.bytes("OHDR".getBytes(StandardCharsets.US_ASCII)).u8(2).u8(0x02).u32(body.length).bytes(body);
    byte[] header = h.toByteArray();
    n.address = out.position();
    out.bytes(header);
    out.u32(Hdf5Checksum.lookup3(header, 0, header.length));
  }

  private static void message(Out msgs, int type, Out data) {
    byte[] d = data.toByteArray();
    if (d.length > 0xFFFF) {
      throw new IllegalArgumentException("HDF5 message too large: " + d.length + " bytes");
    }
    msgs.u8(type).u16(d.length).u8(0).bytes(d);
  }

  private static Out link(Node child) {
    byte[] name = child.name.getBytes(StandardCharsets.UTF_8);
    boolean ascii = name.length == child.name.length();
    boolean longName = name.length > 0xFF;
    int flags = (longName ? 1 : 0) | (ascii ? 0 : 0x10);
    Out o = new Out().u8(1).u8(flags);
    if (!ascii) {
      o.u8(1);
    }
    if (longName) {
      o.u16(name.length);
    } else {
      o.u8(name.length);
    }
    return o.bytes(name).u64(child.address);
  }

  private static Out dataspace(long[] shape, boolean scalar) {
    Out o = new Out().u8(2).u8(shape.length).u8(0).u8(scalar ? 0 : 1);
    for (long d : shape) {
      o.u64(d);
    }
    return o;
  }

  private static Out float32() {
    return new Out().u8(0x11).u8(0x20).u8(31).u8(0).u32(4).u16(0).u16(32).u8(23).u8(8).u8(0).u8(23).u32(127);
  }

  private static Out float64() {
    return new Out().u8(0x11).u8(0x20).u8(63).u8(0).u32(8).u16(0).u16(64).u8(52).u8(11).u8(0).u8(52).u32(1023);
  }

  /** Variable-length string: class 9, string type, null-terminated, base type an unsigned byte. */
  private static Out vlenString(boolean utf8) {
    return new Out().u8(0x19).u8(0x01).u8(utf8 ? 1 : 0).u8(0).u32(16)
        .u8(0x10).u8(0).u8(0).u8(0).u32(1).u16(0).u16(8);
  }

  private static Out attribute(Attribute a, long heap, int firstIndex) {
    byte[] name = (a.name() + "\0").getBytes(StandardCharsets.UTF_8);
    boolean ascii = name.length == a.name().length() + 1;
    byte[] type;
    byte[] space;
    Out data = new Out();
    if (a.strings() == null) {
      type = float64().toByteArray();
      space = dataspace(new long[] {0}, false).toByteArray();
    } else {
      type = vlenString(a.utf8()).toByteArray();
      space = (a.scalar() ? dataspace(new long[0], true) : dataspace(new long[] {a.strings().length}, false))
          .toByteArray();
      for (int i = 0; i < a.strings().length; i++) {
        int len = a.strings()[i].getBytes(StandardCharsets.UTF_8).length;
        data.u32(len).u64(heap).u32(firstIndex + i);
      }
    }
    Out o = new Out().u8(3).u8(0).u16(name.length).u16(type.length).u16(space.length).u8(ascii ? 0 : 1);
    return o.bytes(name).bytes(type).bytes(space).bytes(data.toByteArray());
  }

  private static long align8(long n) {
    return (n + 7) & ~7L;
  }

  /** A little-endian byte sink. */
  private static final class Out {
    private final ByteArrayOutputStream b = new ByteArrayOutputStream();

    long position() {
      return b.size();
    }

    Out u8(int v) {
      b.write(v);
      return this;
    }

    Out u16(int v) {
      return u8(v).u8(v >>> 8);
    }

    Out u32(int v) {
      return u16(v).u16(v >>> 16);
    }

    Out u64(long v) {
      return u32((int) v).u32((int) (v >>> 32));
    }

    Out bytes(byte[] x) {
      b.write(x, 0, x.length);
      return this;
    }

    Out skip(int n) {
      for (int i = 0; i < n; i++) {
        b.write(0);
      }
      return this;
    }

    byte[] toByteArray() {
      return b.toByteArray();
    }
  }
}
