package org.engagebot.staff;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/** A QR code as an inline SVG, drawn on the server by ZXing: no script and nothing fetched from elsewhere. */
final class QrSvg {
    private QrSvg() {
    }

    static String of(String text, String title) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    int run = 0;
                    while (x + run < m.getWidth() && m.get(x + run, y)) {
                        run++;
                    }
                    if (run > 0) {
                        path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                        x += run;
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + title.replace("\"", "")
                    + "\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\" width=\"240\" height=\"240\" "
                    + "shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                    + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
