using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Governance;

/// <summary>이사회 보고: from 2025-08-05 the CISO reports material committee resolutions to the board (제8조의2).</summary>
public sealed record BoardReportingRule(string Id, DateOnly EffectiveFrom, bool CisoReportsToBoard, string Scope, Provision Provision) : IDatedVersion;
