using System.Globalization;
using System.Text;
using FinCloud.Core;
using FinCloud.Core.Tenancy;
using FinCloud.Scanner.Detection;

namespace FinCloud.Web.Features.Scanning;

/// <summary>
/// A demo scan for one institution: a small customer export made up here (fictitious people with numbers that pass their
/// checks) uploaded as an officer would, so the scan list opens with a finished job, its counts and masked samples.
/// </summary>
public static class ScanningDemo
{
    public const string FileName = "고객정보_추출_샘플.csv";

    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        var runner = scope.ServiceProvider.GetRequiredService<ScanJobRunner>();
        var (_, error) = await runner.StartUploadAsync(db, FileName, new MemoryStream(Encoding.UTF8.GetBytes(Export(40))), ct);
        if (error is not null)
        {
            throw new InvalidOperationException("The demo scan could not start: " + error);
        }
    }

    /// <summary>A customer export of <paramref name="rows"/> rows: 주민등록번호, phone, e-mail and account per row, fixed seed.</summary>
    public static string Export(int rows)
    {
        var random = new Random(20261127);
        string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
        string[] names = ["김민준", "이서연", "박도윤", "최지우", "정하은", "강시우", "조서준", "윤지민"];
        var text = new StringBuilder("고객번호,성명,주민등록번호,휴대폰,이메일,계좌번호,가입일\n");
        for (var i = 1; i <= rows; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(365 * 40));
            var front = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + (birth.Year < 2000 ? 1 + random.Next(2) : 3 + random.Next(2)) + Digits(5);
            var digits = front.Select(c => (byte)(c - '0')).ToArray();
            var check = (11 - (Checks.ResidentWeightedSum(digits) % 11)) % 10;
            text.Append(CultureInfo.InvariantCulture, $"C{i:D6},{names[i % names.Length]},{front[..6]}-{front[6..]}{check},010-{Digits(4)}-{Digits(4)},")
                .Append(CultureInfo.InvariantCulture, $"customer{i:D3}@example.com,110-{Digits(3)}-{Digits(6)},2025-{1 + (i % 12):D2}-{1 + (i % 28):D2}\n");
        }

        return text.ToString();
    }
}
