namespace FinCloud.Scanner;

/// <summary>The kinds of identifier a scan reports, in the order overlaps are resolved.</summary>
public enum IdentifierType
{
    Rrn,
    ForeignerRn,
    Card,
    Brn,
    Phone,
    DriverLicense,
    Passport,
    Account,
    Email,
}
