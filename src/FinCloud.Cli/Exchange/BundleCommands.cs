using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Core.Features.Exchange;

namespace FinCloud.Cli.Exchange;

/// <summary>
/// <c>fincloud bundle verify FILE --trust KEY.pem…</c>: checks an exchange bundle offline against pinned public keys
/// (docs/bundle-format.md). Exit 0: valid; 3: refused (the reason code is printed); 2: bad input.
/// </summary>
public static class BundleCommands
{
    public const int RejectedExitCode = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var group = new Command("bundle", "교환 번들 (signed exchange bundles between FinCloud installations)");
        group.Subcommands.Add(Verify());
        return group;
    }

    private static Command Verify()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the bundle (.zip)" };
        var trust = new Option<FileInfo[]>("--trust")
        {
            Description = "a pinned public key (PEM, ECDSA P-256) of an issuer you trust; repeat for several",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("verify", """
            Verifies a bundle: manifest present, signed by one of the trusted keys, every file's SHA-256 as listed,
            no unlisted file. Prints JSON; exits 0 when valid, 3 when refused (reason: unsigned, unknown-issuer,
            bad-signature, tampered, unsupported-schema, no-manifest, unreadable).

            Examples:
              fincloud bundle verify report.zip --trust hanbit-bank.pem
              fincloud bundle verify evaluation.zip --trust fsi.pem --trust fsi-previous.pem
            """);
        command.Arguments.Add(file);
        command.Options.Add(trust);
        command.SetAction(parse =>
        {
            var bundleFile = parse.GetValue(file)!;
            if (!bundleFile.Exists)
            {
                throw new InputErrorException("no-file", $"No file at {bundleFile.FullName}.", "FILE");
            }

            var keys = new List<TrustedKey>();
            foreach (var keyFile in parse.GetValue(trust) ?? [])
            {
                if (!keyFile.Exists)
                {
                    throw new InputErrorException("no-key-file", $"No key file at {keyFile.FullName}.", "--trust");
                }

                try
                {
                    keys.Add(ExchangeBundle.TrustedKeyFromPem(File.ReadAllText(keyFile.FullName), keyFile.Name));
                }
                catch (Exception e) when (e is CryptographicException or ArgumentException)
                {
                    throw new InputErrorException("bad-key", $"{keyFile.Name} is not a PEM ECDSA P-256 public key: {e.Message}", "--trust");
                }
            }

            if (bundleFile.Length > ExchangeBundle.MaxBytes)
            {
                throw new InputErrorException("too-large", $"The bundle is larger than {ExchangeBundle.MaxBytes / 1024 / 1024} MB.", "FILE");
            }

            var check = ExchangeBundle.Verify(File.ReadAllBytes(bundleFile.FullName), keys);
            var m = check.Manifest;
            var result = new
            {
                valid = check.IsValid,
                reason = check.Rejection is { } r ? BundleRejectionCodes.Code(r) : null,
                message = check.Message,
                bundleId = m?.BundleId,
                kind = m is null ? null : JsonSerializer.Serialize(m.Kind, ExchangeBundle.Json).Trim('"'),
                title = m?.Title,
                issuer = m?.Issuer.Name,
                keyId = m?.Issuer.KeyId,
                trustedAs = check.Signer?.Name,
                createdAt = m?.CreatedAt,
                inReplyTo = m?.InReplyTo,
                files = check.IsValid ? m!.Files.Select(f => new { path = f.Path, bytes = f.Bytes, sha256 = f.Sha256 }).ToArray() : null,
            };
            Console.Out.Write(JsonSerializer.Serialize(result, Json) + "\n");
            return check.IsValid ? 0 : RejectedExitCode;
        });
        return command;
    }
}
