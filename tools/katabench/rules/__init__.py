"""Design rules: LibCST checks that tell whether code has reached a target design.

`RULES` maps each rule id to its class; docs/rules.md is generated from them.
"""

from __future__ import annotations

from katabench.rules.base import Example, Rule
from katabench.rules.broad_except import BroadExcept
from katabench.rules.debugging_leftover import DebuggingLeftover
from katabench.rules.exception_hierarchy import ExceptionHierarchy
from katabench.rules.feature_flag_check import FeatureFlagCheck
from katabench.rules.float_money import FloatMoney
from katabench.rules.global_mutable_state import GlobalMutableState
from katabench.rules.long_function import LongFunction
from katabench.rules.long_parameter_list import LongParameterList
from katabench.rules.misplaced_call import MisplacedCall
from katabench.rules.mutable_value_object import MutableValueObject
from katabench.rules.positional_field_access import PositionalFieldAccess
from katabench.rules.print_call import PrintCall
from katabench.rules.protocol_implementations import ProtocolImplementations
from katabench.rules.publisher_imports_subscriber import PublisherImportsSubscriber
from katabench.rules.sentinel_return import SentinelReturn
from katabench.rules.type_switch import TypeSwitch
from katabench.rules.whole_file_read import WholeFileRead

ALL_RULES: tuple[type[Rule], ...] = (
    TypeSwitch,
    ProtocolImplementations,
    BroadExcept,
    SentinelReturn,
    ExceptionHierarchy,
    PrintCall,
    LongParameterList,
    LongFunction,
    GlobalMutableState,
    MisplacedCall,
    FeatureFlagCheck,
    PublisherImportsSubscriber,
    FloatMoney,
    MutableValueObject,
    PositionalFieldAccess,
    WholeFileRead,
    DebuggingLeftover,
)

RULES: dict[str, type[Rule]] = {rule.id: rule for rule in ALL_RULES}

__all__ = ["ALL_RULES", "RULES", "Example", "Rule"]
