using System.Buffers.Binary;
using System.IO.Compression;

namespace Berth.Tests.Support;

/// <summary>
/// Just enough of PNG to check a screenshot: the signature, IHDR, and the pixels of an 8-bit, non-interlaced RGB or RGBA
/// image (what Chromium writes), IDAT inflated with <see cref="ZLibStream"/> and the row filters undone.
/// </summary>
public sealed class PngImage
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major 0xRRGGBB (alpha dropped).</summary>
    public IReadOnlyList<uint> Pixels { get; }

    public uint this[int x, int y] => Pixels[y * Width + x];

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG: the signature is missing");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                int bitDepth = data[8], colorType = data[9], interlace = data[12];
                if (bitDepth != 8 || interlace != 0)
                    throw new InvalidDataException($"unsupported PNG: bit depth {bitDepth}, interlace {interlace}");
                channels = colorType switch
                {
                    2 => 3,
                    6 => 4,
                    _ => throw new InvalidDataException($"unsupported PNG colour type {colorType}"),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
            at += 12 + length;
        }
        if (width <= 0 || height <= 0)
            throw new InvalidDataException("no IHDR");
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        if (raw.Length < height * (stride + 1))
            throw new InvalidDataException("IDAT is shorter than the image");
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = raw[offset];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                var value = raw[offset + 1 + i];
                row[i] = filter switch
                {
                    0 => value,
                    1 => (byte)(value + left),
                    2 => (byte)(value + up),
                    3 => (byte)(value + (left + up) / 2),
                    4 => (byte)(value + Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"bad PNG filter {filter} on row {y}"),
                };
            }
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = (uint)(row[x * channels] << 16 | row[x * channels + 1] << 8 | row[x * channels + 2]);
            (previous, row) = (row, previous);
        }
        return new PngImage(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
