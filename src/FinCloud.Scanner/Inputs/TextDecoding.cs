using System.Text;
using System.Text.Unicode;

namespace FinCloud.Scanner.Inputs;

/// <summary>scan-labels §1.2: the encoding of a file from its first bytes, else UTF-8 when all of it is valid UTF-8, else CP949.</summary>
internal static class TextDecoding
{
    /// <summary>CP949 (통합형 한글, a superset of EUC-KR).</summary>
    public static Encoding Cp949 { get; } = LoadCp949();

    private static Encoding LoadCp949()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    }

    /// <summary>
    /// Positions <paramref name="seekable"/> after any byte-order mark and returns a stream of its text as UTF-8
    /// (the same stream when it already is UTF-8).
    /// </summary>
    public static Stream AsUtf8(Stream seekable, TextEncodingChoice choice, CancellationToken ct)
    {
        Span<byte> head = stackalloc byte[3];
        var read = ReadUpTo(seekable, head);
        head = head[..read];
        var detected = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (TextEncodingChoice.Utf8, 3)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (TextEncodingChoice.Utf16LittleEndian, 2)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (TextEncodingChoice.Utf16BigEndian, 2)
            : (TextEncodingChoice.Auto, 0);
        var (encoding, bom) = detected;
        if (choice != TextEncodingChoice.Auto)
        {
            bom = choice == encoding ? bom : 0;
            encoding = choice;
        }

        if (encoding == TextEncodingChoice.Auto)
        {
            seekable.Position = 0;
            encoding = IsValidUtf8(seekable, ct) ? TextEncodingChoice.Utf8 : TextEncodingChoice.Cp949;
        }

        seekable.Position = bom;
        return encoding switch
        {
            TextEncodingChoice.Utf8 => seekable,
            TextEncodingChoice.Utf16LittleEndian => Encoding.CreateTranscodingStream(seekable, new UnicodeEncoding(false, false), Utf8NoBom, leaveOpen: true),
            TextEncodingChoice.Utf16BigEndian => Encoding.CreateTranscodingStream(seekable, new UnicodeEncoding(true, false), Utf8NoBom, leaveOpen: true),
            _ => Encoding.CreateTranscodingStream(seekable, Cp949, Utf8NoBom, leaveOpen: true),
        };
    }

    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Reads the stream to its end and tells whether every byte of it is well-formed UTF-8.</summary>
    public static bool IsValidUtf8(Stream stream, CancellationToken ct)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var carry = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var n = stream.Read(buffer, carry, buffer.Length - carry);
                var filled = carry + n;
                if (n == 0)
                {
                    return carry == 0 || Utf8.IsValid(buffer.AsSpan(0, carry));
                }

                var complete = CompleteLength(buffer.AsSpan(0, filled));
                if (!Utf8.IsValid(buffer.AsSpan(0, complete)))
                {
                    return false;
                }

                carry = filled - complete;
                buffer.AsSpan(complete, carry).CopyTo(buffer);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The length of the prefix that does not end inside a multi-byte sequence.</summary>
    public static int CompleteLength(ReadOnlySpan<byte> utf8)
    {
        var end = utf8.Length;
        for (var back = 1; back <= 3 && back <= end; back++)
        {
            var b = utf8[end - back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? end - back : end;
        }

        return end;
    }
}
