// Runs epubcheck over several EPUB files in one Java process: the epubcheck command line
// takes one file, and starting the JVM costs about 5 s a file. Needs a JDK (source launch);
// epub_check.sh falls back to one `java -jar epubcheck.jar` per file without one.
//
// Usage: java -cp /usr/share/java/epubcheck.jar EpubCheckMany.java FILE.epub...
// Prints epubcheck's messages, then one line per file: "FILE: N errors, N warnings".
// Exits 1 when any file has an error, a fatal error or a warning.

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckMany {
  public static void main(String[] args) {
    boolean clean = true;
    StringBuilder summary = new StringBuilder();
    for (String path : args) {
      DefaultReportImpl report = new DefaultReportImpl(path);
      new EpubCheck(new File(path), report).doValidate();
      int errors = report.getErrorCount() + report.getFatalErrorCount();
      int warnings = report.getWarningCount();
      clean &= errors == 0 && warnings == 0;
      summary.append(path).append(": ").append(errors).append(" errors, ")
          .append(warnings).append(" warnings\n");
    }
    System.out.flush();
    System.err.flush();
    System.out.print(summary);
    System.exit(clean ? 0 : 1);
  }
}
