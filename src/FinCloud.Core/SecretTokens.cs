using System.Security.Cryptography;
using System.Text;

namespace FinCloud.Core;

/// <summary>
/// Secrets handed out once — API keys, calendar addresses, CSP links — made here and stored only as their SHA-256, so a
/// database copy holds nothing that opens anything.
/// </summary>
public static class SecretTokens
{
    /// <summary>A random secret of <paramref name="bytes"/> bytes as lower-case hex.</summary>
    public static string NewHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Lower-case hex SHA-256 of the secret's UTF-8 bytes: what is stored and looked up.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
