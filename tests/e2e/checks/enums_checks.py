"""The usual Go enums and every form of constant (tests/e2e/fixtures/enums): each constant's
value written as Go writes it compiles in the shim, and an integer type with String() and
typed constants is an IntEnum whose str() is Go's String(); checked inside each interpreter
and target. The expected values are those of tests/e2e/fixtures/enums/enums.go."""

import enum

import enums


def check_conversion_form_constants_are_members():  # google/uuid: `Group = Domain(1)`
    assert issubclass(enums.Domain, enum.IntEnum)
    assert [(m.name, int(m)) for m in enums.Domain] == [("Person", 0), ("Group", 1), ("Org", 2)]
    assert enums.Group is enums.Domain.Group is enums.Domain(1)
    assert enums.Group == 1 and hash(enums.Group) == hash(1)


def check_str_is_gos_string():
    assert str(enums.Group) == "Group" and str(enums.Person) == "Person"
    assert "%s" % enums.Org == "Org" and "{}".format(enums.Org) == "Org"
    assert str(enums.Monday) == "day-1" and str(enums.FlagAll) == "flags(0x7)"
    assert str(enums.Debug) == "DEBUG" and str(enums.Fatal) == "FATAL"
    assert enums.Group.String() == "Group"


def check_repeated_conversion_of_iota():  # `Invalid = Variant(iota)`, then names alone
    assert [(m.name, int(m)) for m in enums.Variant] == [
        ("Invalid", 0), ("RFC4122", 1), ("Reserved", 2), ("Microsoft", 3), ("Future", 4)]
    assert str(enums.RFC4122) == "RFC4122"


def check_blank_names_skip_values():  # `_ Weekday = iota` ... `_`
    assert [(m.name, int(m)) for m in enums.Weekday] == [("Monday", 1), ("Tuesday", 2), ("Thursday", 4)]
    assert not hasattr(enums, "_")


def check_bit_flags_and_a_constant_made_of_others():
    assert [(m.name, int(m)) for m in enums.Flag] == [
        ("FlagRead", 1), ("FlagWrite", 2), ("FlagExec", 4), ("FlagAll", 7)]
    assert enums.FlagAll.Has(enums.FlagWrite) is True
    assert enums.FlagRead.Has(enums.FlagAll) is False


def check_signed_enum_with_iota_arithmetic():  # `Debug Level = iota - 1`, `Fatal = Error + 1`
    assert [(m.name, int(m)) for m in enums.Level] == [
        ("Debug", -1), ("Info", 0), ("Warn", 1), ("Error", 2), ("Fatal", 3)]
    # The module's exception class keeps the name Error; the constant is escaped.
    assert issubclass(enums.Error, enums.GoError)
    assert enums.Error_ is enums.Level.Error


def check_enums_cross_to_go_and_back():
    assert enums.Describe(enums.Org) == "domain Org"
    assert enums.Describe(2) == "domain Org"
    assert enums.Next(enums.Invalid) is enums.RFC4122



def check_a_value_without_a_constant_is_still_of_the_go_type():
    perms = enums.Perms()  # FlagRead | FlagWrite: no constant has the value 3
    assert perms == 3 and type(perms) is enums.Flag and isinstance(perms, int)
    assert str(perms) == "flags(0x3)" and "%s" % perms == "flags(0x3)"
    assert perms.Has(enums.FlagWrite) is True and perms.Has(enums.FlagExec) is False
    assert perms.name is None and repr(perms) == "<Flag: 3>"
    assert hash(perms) == hash(3) and perms in {3}
    past = enums.Next(enums.Future)
    assert past == 5 and type(past) is enums.Variant and str(past) == "BadVariant5"
    assert enums.Next(past) == 6 and str(enums.Next(past)) == "BadVariant6"  # and back to Go
    assert enums.Next(enums.Microsoft) is enums.Future
    # Python's own constructor stays an IntEnum's: only the constants' values.
    try:
        enums.Variant(5)
    except ValueError:
        pass
    else:
        raise AssertionError("Variant(5) was accepted")


def check_untyped_integer_families():  # go-humanize's `1 << (10 * (iota + 1))`
    assert (enums.KB, enums.MB, enums.GB) == (1 << 10, 1 << 20, 1 << 30)
    assert type(enums.KB) is int


def check_constants_of_every_kind():
    assert enums.Name == "enums" and enums.Greeting == 'enums says "hi"'
    assert enums.Pi == 3.14159 and type(enums.Pi) is float
    assert enums.Third == 1.0 / 3
    assert enums.Tau == 6.283180236816406  # float32(2 * Pi), widened back to a double
    assert enums.Big == 2 ** 64 - 1
    assert enums.Neg == -(1 << 62)
    assert enums.Hex == 0xFFFF
    assert enums.Letter == ord("x")  # a rune constant is an int32
    assert enums.NameLen == 5
    assert enums.Enabled is True
    assert enums.Smallest == 1
    assert enums.Cplx == 1 + 2j


def check_a_constant_of_an_imported_gpi():  # `Octet = sizes.Unit * 2`
    assert enums.Octet == 16 and type(enums.Octet) is int


def check_constants_are_read_only():
    for name in ("Group", "KB", "Name"):
        try:
            setattr(enums, name, 0)
        except AttributeError:
            continue
        raise AssertionError("%s could be assigned" % name)
