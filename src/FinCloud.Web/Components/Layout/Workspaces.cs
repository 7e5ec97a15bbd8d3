using FinCloud.Core.Organizations;

namespace FinCloud.Web.Components.Layout;

/// <summary>A workspace: its address and the resource keys of its name and of its one-line description.</summary>
public sealed record Workspace(string Href, string Label, string Description);

/// <summary>What each kind of organisation works in: the menu lists it, the home page offers it with a description.</summary>
public static class Workspaces
{
    public static IReadOnlyList<Workspace> Of(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Fss =>
        [
            new("reports", "NavInbox", "HomeInbox"),
            new("supervision/sector-risk", "NavSectorRisk", "HomeSectorRisk"),
            new("supervision/separation-exemptions", "NavSeparationSupervision", "HomeSeparationSupervision"),
            new("continuity/joint-drills", "NavJointDrills", "HomeJointDrills"),
            new("csp-evaluations", "NavCspEvaluations", "HomeCspEvaluationsRead"),
            new("exchange", "NavExchange", "HomeExchange"),
        ],
        OrganizationKind.Fsi =>
        [
            new("csp-evaluations", "NavCspEvaluations", "HomeCspEvaluationsFsi"),
            new("exchange", "NavExchange", "HomeExchange"),
        ],
        _ =>
        [
            new("cloud-use", "NavCloudUse", "HomeCloudUse"),
            new("separation-exemptions", "NavSeparation", "HomeSeparation"),
            new("continuity", "NavContinuity", "HomeContinuity"),
            new("scans", "NavScans", "HomeScans"),
            new("csp-evaluations", "NavCspEvaluations", "HomeCspEvaluationsRead"),
            new("reports", "NavReports", "HomeReports"),
        ],
    };
}
