using System.Text;

namespace FinCloud.Scanner.Tests.Files;

/// <summary>Large files are checked for UTF-8 in parallel segments; the verdict must be the whole file's.</summary>
public sealed class LargeFileEncodingTests
{
    private static byte[] KoreanText(int bytes)
    {
        // 3-byte Hangul with odd line lengths, so characters straddle every segment boundary somewhere.
        var line = Encoding.UTF8.GetBytes("가나다라마바사아자차카타파하 고객 메모입니다 확인 부탁드립니다\n");
        var text = new byte[bytes];
        for (var i = 0; i < bytes; i += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, bytes - i)).CopyTo(text.AsSpan(i));
        }

        // End on a whole line so the file stays valid UTF-8.
        var last = Array.LastIndexOf(text, (byte)'\n');
        return text[..(last + 1)];
    }

    [Fact]
    public async Task A_large_valid_utf8_file_is_read_as_utf8()
    {
        using var folder = new TempFolder();
        var text = KoreanText(20 << 20);
        var path = folder.File("big.txt", [.. text, .. Encoding.UTF8.GetBytes("주민번호 900101-1234567\n")]);
        var (findings, _) = await Scanning.RunAsync(path);
        findings.ShouldHaveSingleItem().Checksum.ShouldBe(ChecksumStatus.Invalid);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task One_invalid_byte_anywhere_in_a_large_file_makes_it_cp949(double where)
    {
        using var folder = new TempFolder();
        var text = KoreanText(20 << 20);
        var at = (int)(text.Length * where);
        text[at] = 0xFF;
        var path = folder.File("big.txt", [.. text, .. Encoding.UTF8.GetBytes("주민번호 900101-1234567\n")]);
        var (findings, _) = await Scanning.RunAsync(path);
        findings.ShouldBeEmpty("as CP949 the UTF-8 keyword is gone, so the checksum-failing number has no context");
    }
}
