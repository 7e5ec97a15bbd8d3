using System.Globalization;
using FinCloud.Core;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Web.Components.Pages.Admin;
using FinCloud.Web.Resources;
using FinCloud.Web.Security;

namespace FinCloud.Web.Features.Organizations;

/// <summary>
/// 구성원 권한 현황 as XLSX, for a periodic access review: every member with their roles, second factor, SSO link,
/// whether the identity provider manages them (SCIM), lock and last sign-in (KST). The same rows as 관리 → 구성원.
/// </summary>
public static class MemberExport
{
    public const string Path = "/admin/members.xlsx";

    public static IEndpointConventionBuilder MapMemberExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Member).ExcludeFromDescription();

    public static async Task<IResult> ExportAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var view = await MembersPanel.LoadAsync(db);
        static string? Kst(DateTimeOffset? at) => at?.ToOffset(KoreanTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var rows = view.Members.Select(m => (IReadOnlyList<object?>)
        [
            m.Name, m.Email, string.Join(", ", m.Roles.Select(r => SharedResource.Korean("Role" + r) ?? r.ToString())), string.Join(",", m.Roles),
            m.TwoFactor ? "사용" : "미사용", m.SsoLinked ? "연결" : "", m.Provisioned ? "SCIM" : "", Kst(m.LockedUntil), Kst(m.LastSignIn) ?? "없음",
        ]);
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("구성원 권한 현황",
            ["이름", "이메일", "역할", "역할 코드", "2단계 인증", "SSO", "자동 프로비저닝", "잠금 해제 시각(KST)", "마지막 로그인(KST)"], rows));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"members-{KoreanTime.Today(db.Clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
