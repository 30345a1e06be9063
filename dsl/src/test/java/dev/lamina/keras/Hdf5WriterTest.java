package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our HDF5 writer produces files that h5py (the HDF5 C library) and jhdf read as Keras writes them. */
class Hdf5WriterTest {
  @TempDir
  Path dir;

  /** Keras's own layout: a group with datasets followed by a sibling group (what breaks jhdf's writer). */
  private static byte[] kerasLayout() {
    Hdf5Writer w = new Hdf5Writer();
    Hdf5Writer.Group vars = w.root().group("layers").group("dense").group("vars");
    vars.stringAttribute("name", "dense_6", true);
    vars.floatDataset("0", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f});
    vars.floatDataset("1", new long[] {3}, new float[] {0.1f, 0.2f, 0.3f});
    w.root().group("layers").group("dropout").group("vars").stringAttribute("name", "dropout", true);
    w.root().group("vars").stringAttribute("name", "sequential \u00e9", true);
    w.root().stringAttribute("model_config", "{\"a\": 1}", false);
    w.root().stringArrayAttribute("layer_names", List.of("dense_6", "dropout"), false);
    w.root().group("top_level_model_weights").stringArrayAttribute("weight_names", List.of(), false);
    w.root().doubleDataset("scalar", new long[0], new double[] {2.5});
    return w.toBytes();
  }

  @Test
  void checksumMatchesLookup3ReferenceValues() {
    // Bob Jenkins's published test vectors for hashlittle with initval 0.
    assertThat(Hdf5Checksum.lookup3(new byte[0], 0, 0)).isEqualTo(0xdeadbeef);
    byte[] s = "Four score and seven years ago".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(Hdf5Checksum.lookup3(s, 0, s.length)).isEqualTo(0x17770551);
  }

  @Test
  void jhdfReadsGroupsDatasetsAndStringAttributes() {
    try (HdfFile f = HdfFile.fromBytes(kerasLayout())) {
      Dataset k = f.getDatasetByPath("layers/dense/vars/0");
      assertThat(k.getDimensions()).containsExactly(2, 3);
      assertThat((float[][]) k.getData()).isDeepEqualTo(new float[][] {{1, 2, 3}, {4, 5, -6.5f}});
      assertThat(((Group) f.getByPath("layers/dense/vars")).getAttribute("name").getData()).isEqualTo("dense_6");
      assertThat(f.getByPath("vars").getAttribute("name").getData()).isEqualTo("sequential \u00e9");
      assertThat((String[]) f.getAttribute("layer_names").getData()).containsExactly("dense_6", "dropout");
      assertThat(f.getAttribute("model_config").getData()).isEqualTo("{\"a\": 1}");
      assertThat(f.getDatasetByPath("scalar").getData()).isEqualTo(2.5);
    }
  }

  @Test
  void h5pyReadsTheLayoutTypesAndValuesAsKerasWritesThem() throws Exception {
    Path file = dir.resolve("w.h5");
    Files.write(file, kerasLayout());
    String out = H5py.run("""
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        def show(name, o):
            kind = 'D %s %s' % (o.shape, o.dtype) if isinstance(o, h5py.Dataset) else 'G'
            print(name, kind)
            for k in o.attrs:
                a = o.attrs.get_id(k)
                t = a.get_type()
                cset = t.get_cset() if t.get_class() == h5py.h5t.STRING else '-'
                vlen = t.is_variable_str() if t.get_class() == h5py.h5t.STRING else '-'
                print('  @%s=%r dtype=%s shape=%s cset=%s vlen=%s' % (k, o.attrs[k], a.dtype, a.shape, cset, vlen))
        show('/', f)
        f.visititems(show)
        print('values', f['layers/dense/vars/0'][()].tolist(), f['layers/dense/vars/1'][()].tolist(), f['scalar'][()])
        """, dir, file.toString());
    assertThat(out).contains("layers/dense/vars/0 D (2, 3) float32")
        .contains("layers/dense/vars/1 D (3,) float32")
        .contains("@name='dense_6' dtype=object shape=() cset=1 vlen=True")
        .contains("@name='sequential \u00e9' dtype=object shape=() cset=1 vlen=True")
        .contains("@model_config='{\"a\": 1}' dtype=object shape=() cset=0 vlen=True")
        .contains("@layer_names=array(['dense_6', 'dropout'], dtype=object) dtype=object shape=(2,) cset=0")
        .contains("@weight_names=array([], dtype=float64) dtype=float64 shape=(0,)")
        .contains("layers/dropout/vars G")
        .contains("scalar D () float64")
        .contains("values [[1.0, 2.0, 3.0], [4.0, 5.0, -6.5]] [0.10000000149011612, 0.20000000298023224, 0.30000001192092896] 2.5");
  }
}
