using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinCloud.Core.Features.Exchange;

namespace FinCloud.Cli.Tests.Exchange;

public sealed class BundleCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fincloud-bundle-");
    private readonly ECDsa _issuer = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _issuer.Dispose();
        _dir.Delete(recursive: true);
    }

    private string Save(string name, byte[] content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string SaveKey(string name, ECDsa key) => Save(name, Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem()));

    private byte[] Bundle() =>
        ExchangeBundle.Write(Guid.CreateVersion7(), BundleKind.CspEvaluationResult, "OO클라우드 정기평가 결과",
            new BundleIssuer("금융보안원", "Financial Security Institute", "fsi", ExchangeBundle.KeyIdOf(_issuer)),
            new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero), null, """{"verdict":"적합"}"""u8.ToArray(),
            [("result.pdf", "%PDF-1.4 결과"u8.ToArray())], _issuer);

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public async Task A_bundle_signed_by_a_trusted_key_verifies_and_lists_its_files()
    {
        var result = await Fincloud.RunAsync("bundle", "verify", Save("b.zip", Bundle()), "--trust", SaveKey("fsi.pem", _issuer));
        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = Json(result.Stdout);
        json.GetProperty("valid").GetBoolean().ShouldBeTrue();
        json.GetProperty("kind").GetString().ShouldBe("csp-evaluation-result");
        json.GetProperty("issuer").GetString().ShouldBe("금융보안원");
        json.GetProperty("trustedAs").GetString().ShouldBe("fsi.pem");
        json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ShouldBe(["payload.json", "documents/result.pdf"]);
    }

    [Fact]
    public async Task A_bundle_from_a_key_not_given_with_trust_is_refused_as_unknown_issuer()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = await Fincloud.RunAsync("bundle", "verify", Save("b.zip", Bundle()), "--trust", SaveKey("other.pem", other));
        result.ExitCode.ShouldBe(3);
        Json(result.Stdout).GetProperty("reason").GetString().ShouldBe("unknown-issuer");
    }

    [Fact]
    public async Task A_flipped_byte_in_the_payload_is_refused_as_tampered()
    {
        var bundle = Bundle();
        var name = Encoding.ASCII.GetBytes(ExchangeBundle.PayloadName);
        bundle[bundle.AsSpan().IndexOf(name) + name.Length + 4] ^= 0x01;
        var result = await Fincloud.RunAsync("bundle", "verify", Save("b.zip", bundle), "--trust", SaveKey("fsi.pem", _issuer));
        result.ExitCode.ShouldBe(3);
        Json(result.Stdout).GetProperty("reason").GetString().ShouldBe("tampered");
    }

    [Fact]
    public async Task A_bundle_without_its_signature_is_refused_as_unsigned()
    {
        using var output = new MemoryStream();
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var original = new ZipArchive(new MemoryStream(Bundle()), ZipArchiveMode.Read))
        {
            foreach (var entry in original.Entries.Where(e => e.FullName != ExchangeBundle.SignatureName))
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
        }

        var result = await Fincloud.RunAsync("bundle", "verify", Save("b.zip", output.ToArray()), "--trust", SaveKey("fsi.pem", _issuer));
        result.ExitCode.ShouldBe(3);
        Json(result.Stdout).GetProperty("reason").GetString().ShouldBe("unsigned");
    }

    [Fact]
    public async Task A_missing_bundle_file_is_an_input_error_with_nothing_on_stdout()
    {
        var result = await Fincloud.RunAsync("bundle", "verify", Path.Combine(_dir.FullName, "none.zip"), "--trust", SaveKey("fsi.pem", _issuer));
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        Json(result.Stderr).GetProperty("error").GetProperty("code").GetString().ShouldBe("no-file");
    }
}
